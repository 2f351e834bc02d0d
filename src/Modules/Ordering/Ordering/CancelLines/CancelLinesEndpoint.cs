using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Ordering.Idempotency;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.CancelLines;

// POST /api/v1/orders/{orderId}/lines/cancel (issue 16 point 3, docs/adr/0021): storefront or operator, as the order's
// cancel is. 202 with the order, its new line cancellation Requested; Shipping decides it and the order shows the outcome.
internal static class CancelLinesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/v1/orders").WithTags("Orders")
            .MapPost("/{orderId:guid}/lines/cancel", (Guid orderId, CancelLinesRequest body, HttpContext http, IdempotentRequests idempotency,
                [FromServices] IValidator<CancelLinesRequest> validator, IMediator mediator) =>
                idempotency.ExecuteAsync(http, $"cancel-lines {orderId}", body, async () =>
                {
                    await validator.ValidateRequestAsync(body, http.RequestAborted);
                    var order = await mediator.Send(body.ToCommand(orderId, http.User.Identity?.Name ?? "unknown", http.User.IsInRole(Roles.Operator)),
                        http.RequestAborted);
                    return new StoredResponse(StatusCodes.Status202Accepted, order, $"/api/v1/orders/{orderId}", order.ETag);
                }))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("CancelOrderLines")
            .Produces<OrderView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
