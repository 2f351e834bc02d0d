using System.ComponentModel;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Ordering.CancelOrder;
using OrderManagement.Ordering.GetOrder;
using OrderManagement.Ordering.Idempotency;
using OrderManagement.Ordering.ListOrders;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.PlaceOrder;

namespace OrderManagement.Ordering;

internal static class OrderEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Orders");

        orders.MapPost("", (PlaceOrderRequest body, HttpContext http, IdempotentRequests idempotency,
                [FromServices] IValidator<PlaceOrderRequest> validator, IMediator mediator) =>
                idempotency.ExecuteAsync(http, "place-order", body, async () =>
                {
                    await validator.ValidateRequestAsync(body, http.RequestAborted);
                    var order = await mediator.Send(body.ToCommand(), http.RequestAborted);
                    return new StoredResponse(StatusCodes.Status202Accepted, order, $"/api/v1/orders/{order.OrderId}", order.ETag);
                }))
            .RequireRoles(Roles.Storefront)
            .RequireIntakeLimit()
            .WithName("PlaceOrder")
            .Produces<OrderView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        orders.MapGet("/{orderId:guid}", async (Guid orderId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new GetOrderQuery(orderId), ct);
                http.Response.Headers.ETag = order.ETag;
                var etag = new EntityTagHeaderValue(order.ETag);
                // If-None-Match is a list and compares weakly (RFC 9110 13.1.2): W/"3" matches "3".
                return http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Ok(order);
            })
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("GetOrder")
            .Produces<OrderView>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapGet("", async (string? customerId, [Description("Only orders in this status (exact spelling); any other value is a 400.")] EnumFilter<OrderStatus>? status, int? limit, string? cursor, bool? held, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListOrdersQuery(customerId, status, limit, cursor, held), ct)))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("ListOrders")
            .Produces<OrderPage>()
            .ProducesValidationProblem();

        orders.MapPost("/{orderId:guid}/cancel", (Guid orderId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CancelOrderRequest? body,
                HttpContext http, IdempotentRequests idempotency, IMediator mediator) =>
                idempotency.ExecuteAsync(http, $"cancel-order {orderId}", body ?? new CancelOrderRequest(null), async () =>
                {
                    var result = await mediator.Send(new CancelOrderCommand(orderId, body?.Reason, http.User.Identity?.Name ?? "unknown",
                        ByOperator: http.User.IsInRole(Roles.Operator)), http.RequestAborted);
                    return result.AlreadyCancelled
                        ? new StoredResponse(StatusCodes.Status200OK, result.Order, null, result.Order.ETag)
                        : new StoredResponse(StatusCodes.Status202Accepted, result.Order, $"/api/v1/orders/{orderId}", result.Order.ETag);
                }))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("CancelOrder")
            .Produces<OrderView>()
            .Produces<OrderView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        orders.MapGet("/{orderId:guid}/history", async (Guid orderId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new OrderHistoryQuery(orderId), ct)))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("GetOrderHistory")
            .Produces<OrderHistoryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
