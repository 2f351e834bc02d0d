using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Ordering.Idempotency;

namespace OrderManagement.Ordering.Returns;

// Returns and refunds per line quantity (issue 16 point 2, docs/adr/0020).
internal static class ReturnEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Returns");
        var returns = endpoints.MapGroup("/api/v1/returns").WithTags("Returns");

        orders.MapPost("/{orderId:guid}/returns", (Guid orderId, RequestReturnRequest body, HttpContext http, IdempotentRequests idempotency,
                [FromServices] IValidator<RequestReturnRequest> validator, IMediator mediator) =>
                idempotency.ExecuteAsync(http, $"request-return {orderId}", body, async () =>
                {
                    await validator.ValidateRequestAsync(body, http.RequestAborted);
                    var view = await mediator.Send(body.ToCommand(orderId, Actor(http)), http.RequestAborted);
                    return new StoredResponse(StatusCodes.Status201Created, view, $"/api/v1/returns/{view.ReturnId}", null);
                }))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("RequestReturn")
            .Produces<ReturnView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        orders.MapGet("/{orderId:guid}/returns", async (Guid orderId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetOrderReturnsQuery(orderId), ct)))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("ListOrderReturns")
            .Produces<OrderReturnsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapGet("/{returnId:guid}", async (Guid returnId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetReturnQuery(returnId), ct)))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("GetReturn")
            .Produces<ReturnView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapPost("/{returnId:guid}/receive", async (Guid returnId, ReceiveReturnRequest body, HttpContext http,
                [FromServices] IValidator<ReceiveReturnRequest> validator, IMediator mediator) =>
            {
                await validator.ValidateRequestAsync(body, http.RequestAborted);
                var view = await mediator.Send(body.ToCommand(returnId, Actor(http)), http.RequestAborted);
                return Results.Accepted($"/api/v1/returns/{returnId}", view);
            })
            .RequireRoles(Roles.Operator)
            .WithName("ReceiveReturn")
            .Produces<ReturnView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        returns.MapPost("/{returnId:guid}/reject", async (Guid returnId, RejectReturnRequest body, HttpContext http,
                [FromServices] IValidator<RejectReturnRequest> validator, IMediator mediator) =>
            {
                await validator.ValidateRequestAsync(body, http.RequestAborted);
                return Results.Ok(await mediator.Send(new RejectReturnCommand(returnId, Validated.Value(body.Reason).Trim(), Actor(http)), http.RequestAborted));
            })
            .RequireRoles(Roles.Operator)
            .WithName("RejectReturn")
            .Produces<ReturnView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
