using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Ordering.Operations;
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
        review.MapPost("/approve", async (Guid orderId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReviewApprovalRequest? body,
                HttpContext http, IMediator mediator, CancellationToken ct) =>
                Tagged(http, await mediator.Send((body ?? new ReviewApprovalRequest(null)).ToCommand(orderId, Actor(http)), ct)))
            .WithName("ApproveReview")
            .WithSummary("Approve an order held for review: it goes on to the payment")
            .Decision();
        review.MapPost("/reject", async (Guid orderId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] OperatorActionRequest? body,
                HttpContext http, [FromServices] IValidator<OperatorActionRequest> validator, IMediator mediator, CancellationToken ct) =>
                {
                    var request = body ?? new OperatorActionRequest(null);
                    await validator.ValidateRequestAsync(request, ct);
                    return Tagged(http, await mediator.Send(request.ToRejectReview(orderId, Actor(http)), ct));
                })
            .WithName("RejectReview")
            .WithSummary("Reject an order held for review: its stock is released and it is Rejected (RejectedInReview)")
            .Decision();
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    // Every answer that carries an order carries its ETag (OrderETagTests).
    private static IResult Tagged(HttpContext http, OrderView order)
    {
        http.Response.Headers.ETag = order.ETag;
        return Results.Ok(order);
    }

    private static RouteHandlerBuilder Decision(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<OrderView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
