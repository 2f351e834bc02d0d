using System.ComponentModel;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Operations.Stalls;

namespace OrderManagement.Ordering;

internal static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var ops = endpoints.MapGroup("/api/v1/ops").WithTags("Operations").RequireRoles(Roles.Operator);

        ops.MapGet("/sagas", async ([Description("Only sagas in this status (exact spelling); any other value is a 400.")] EnumFilter<SagaStatus>? status, int? stuckForSeconds, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListSagasQuery(status, stuckForSeconds, limit, cursor), ct)))
            .WithName("ListSagas")
            .Produces<SagaPage>()
            .ProducesValidationProblem();

        ops.MapGet("/sagas/{orderId:guid}", async (Guid orderId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetSagaQuery(orderId), ct)))
            .WithName("GetSaga")
            .Produces<SagaView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        ops.MapPost("/sagas/{orderId:guid}/retry", async (Guid orderId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] OperatorActionRequest? body,
                HttpContext http, [FromServices] IValidator<OperatorActionRequest> validator, IMediator mediator, CancellationToken ct) =>
                {
                    var request = body ?? new OperatorActionRequest(null);
                    await validator.ValidateRequestAsync(request, ct);
                    return Results.Accepted($"/api/v1/ops/sagas/{orderId}",
                        await mediator.Send(request.ToRetrySaga(orderId, http.User.Identity?.Name ?? "unknown"), ct));
                })
            .WithName("RetrySaga")
            .Produces<SagaView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        ops.MapGet("/stalls", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListStallsQuery(limit, cursor), ct)))
            .WithName("ListStalls")
            .WithSummary("Stalled orders, longest waiting first")
            .WithDescription("Sagas waiting longer than their step's normal wait (settings Stalls:<Step>), and failed sagas, "
                + "each with the awaited reply, the sending module, the wait and normal wait in seconds, attempts, last error and "
                + "the reason in words. limit 1..100 (default 20); pass nextCursor as cursor for the next page.")
            .Produces<StallViewPage>()
            .ProducesValidationProblem();

        ops.MapGet("/dead-letters", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListDeadLettersQuery(limit, cursor), ct)))
            .WithName("ListDeadLetters")
            .Produces<DeadLetterPage>()
            .ProducesValidationProblem();

        ops.MapPost("/dead-letters/{id:guid}/replay", async (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] OperatorActionRequest? body,
                HttpContext http, [FromServices] IValidator<OperatorActionRequest> validator, IMediator mediator, CancellationToken ct) =>
                {
                    var request = body ?? new OperatorActionRequest(null);
                    await validator.ValidateRequestAsync(request, ct);
                    return Results.Accepted("/api/v1/ops/dead-letters",
                        await mediator.Send(request.ToReplayDeadLetter(id, http.User.Identity?.Name ?? "unknown"), ct));
                })
            .WithName("ReplayDeadLetter")
            .WithDescription("Puts a dead letter back in line with fresh attempts. 409 dead-letter-already-replayed when it was already replayed " +
                "(the problem says by whom and when); 409 dead-letter-moot when it is moot (its mootBecause in the list is set: its order " +
                "is past that step), the problem saying why; nothing changes.")
            .Produces<DeadLetterView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
