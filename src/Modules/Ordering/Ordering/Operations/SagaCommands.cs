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
        new("RetryStep", OrderId, $"The saga is {result.Status} again: {result.CurrentStep} was sent again (attempt {result.Attempts}).");
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

        var superseded = (await outboxes.AboutOrderAsync(order.Id, cancellationToken))
            .Where(l => l.DeadLetteredAt is not null && SagaDefinition.StepOfMessage(types.FindType(l.MessageType)) == step)
            .ToList();
        foreach (var letter in superseded)
        {
            history.Record(order.Id, "Saga", order.Id, "DeadLetterSuperseded", step.ToString(), step.ToString(),
                $"dead letter {letter.Id} ({letter.MessageType} to {letter.To}, {letter.LastError}) is moot: the retry sends {step} again");
        }

        await deadLetters.DiscardAsync((NpgsqlConnection)db.Database.GetDbConnection(), superseded, cancellationToken);
        return SagaView.From(saga);
    }
}
