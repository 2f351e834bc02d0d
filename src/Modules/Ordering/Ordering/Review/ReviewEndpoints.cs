using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Review;

// POST /api/v1/orders/{orderId}/review/approve {"reason": optional} and .../review/reject {"reason": required}
// (operators): 200 with the order after the decision; 400 without a rejection's reason; 404 unknown order; 409
// order-not-held when the order does not wait in review. Held orders: GET /api/v1/orders?held=true.
internal static class ReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var review = endpoints.MapGroup("/api/v1/orders/{orderId:guid}/review").WithTags("Orders").RequireRoles(Roles.Operator);
        Decision(review, "/approve", approve: true)
            .WithName("ApproveReview")
            .WithSummary("Approve an order held for review: it goes on to the payment");
        Decision(review, "/reject", approve: false)
            .WithName("RejectReview")
            .WithSummary("Reject an order held for review: its stock is released and it is Rejected (RejectedInReview)");
    }

    private static RouteHandlerBuilder Decision(RouteGroupBuilder review, string pattern, bool approve) =>
        review.MapPost(pattern, async (Guid orderId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReviewDecisionRequest? body,
                HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send((body ?? new ReviewDecisionRequest(null)).ToCommand(orderId, approve, http.User.Identity?.Name ?? "unknown"), ct)))
            .Produces<OrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
