using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations;

internal sealed record GetSagaQuery(Guid OrderId) : IQuery<SagaView>;

internal sealed class GetSagaHandler(OrderingDbContext db) : IRequestHandler<GetSagaQuery, SagaView>
{
    public async Task<SagaView> Handle(GetSagaQuery query, CancellationToken cancellationToken) =>
        SagaView.From(await db.Sagas.AsNoTracking().FirstOrDefaultAsync(s => s.OrderId == query.OrderId, cancellationToken)
            ?? throw new NotFoundException("Saga of order", query.OrderId.ToString()));
}

internal sealed record RetrySagaCommand(Guid OrderId, string Actor, string Reason) : ICommand<SagaView>, IOperatorCommand<SagaView>
{
    public OperatorActionRecord Describe(SagaView result) =>
        new("RetryStep", OrderId, $"The saga is {result.Status} again: {result.CurrentStep} was sent again (step attempt {result.Attempts}).");
}

// Resumes the current step now: the step's command is sent again with a fresh deadline. The order's dead letters of
// that step are moot once it is sent again, so they leave the dead letters in the same transaction (the history keeps
// what each said): the list shows only what still needs a decision.
internal sealed class RetrySagaHandler(
    OrderingDbContext db, HistoryLog<OrderingDbContext> history, OrderFulfilment fulfilment,
    OutboxInspector outboxes, DeadLetterStore deadLetters, MessageTypeMap types)
    : IRequestHandler<RetrySagaCommand, SagaView>
{
    public async Task<SagaView> Handle(RetrySagaCommand command, CancellationToken cancellationToken)
    {
        var saga = await db.Sagas.FirstOrDefaultAsync(s => s.OrderId == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Saga of order", command.OrderId.ToString());
        var order = await db.Orders.FirstAsync(o => o.Id == command.OrderId, cancellationToken);
        var step = saga.CurrentStep;
        fulfilment.Retry(order, saga, command.Actor, command.Reason);
        var superseded = await SupersededDeadLetters.RecordAsync(order.Id, step, outboxes, types, history, cancellationToken);
        await deadLetters.DiscardAsync((NpgsqlConnection)db.Database.GetDbConnection(), superseded, cancellationToken);
        return SagaView.From(saga);
    }
}

// The order's dead letters of the step a retry sends again: moot once it is sent again. Each gets a DeadLetterSuperseded
// entry in the order's history (saying what it was), and the caller removes them from the dead letters; the preview
// shows both, as it runs this same code.
internal static class SupersededDeadLetters
{
    public static Task<IReadOnlyList<PendingMessage>> RecordAsync(Guid orderId, SagaStep step, OutboxInspector outboxes, MessageTypeMap types,
        HistoryLog<OrderingDbContext> history, CancellationToken cancellationToken) =>
        RecordAsync(orderId, step, $"the retry sends {step} again", outboxes, types, history, cancellationToken);

    // why: what made them moot, as the history entry says it.
    public static async Task<IReadOnlyList<PendingMessage>> RecordAsync(Guid orderId, SagaStep step, string why, OutboxInspector outboxes,
        MessageTypeMap types, HistoryLog<OrderingDbContext> history, CancellationToken cancellationToken)
    {
        var superseded = (await outboxes.AboutOrderAsync(orderId, cancellationToken))
            .Where(l => l.DeadLetteredAt is not null && SagaDefinition.StepOfMessage(types.FindType(l.MessageType)) == step)
            .ToList();
        foreach (var letter in superseded)
        {
            history.Record(orderId, "Saga", orderId, "DeadLetterSuperseded", step.ToString(), step.ToString(),
                $"dead letter {letter.Id} ({letter.MessageType} to {letter.To}, {letter.LastError}) is moot: {why}");
        }

        return superseded;
    }
}
