using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Fulfilment;

// Something happened that concerns an order's fulfilment (a reply, a deadline, a warehouse event, a dead letter): the
// handler loads the order and its saga in one transaction and applies it.
internal sealed record AdvanceFulfilment(Guid OrderId, Func<OrderFulfilment, Order, FulfilmentSaga, CancellationToken, Task> Apply) : ICommand<Unit>;

// A saga that failed at a step (a dead letter of it) and is now past it (another letter of the step was replayed and
// answered, or the order is being given back) leaves that step's other dead letters moot: they leave the dead letters
// in the same transaction, each with a DeadLetterSuperseded entry, as a retry's do (issue 11, defect C).
internal sealed class AdvanceFulfilmentHandler(
    OrderingDbContext db, OrderFulfilment fulfilment, OutboxInspector outboxes, MessageTypeMap types, HistoryLog<OrderingDbContext> history,
    DeadLetterStore deadLetters)
    : IRequestHandler<AdvanceFulfilment, Unit>
{
    public async Task<Unit> Handle(AdvanceFulfilment command, CancellationToken cancellationToken)
    {
        var order = await CompiledQueries.OrderById(db, command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        var saga = await CompiledQueries.SagaOfOrder(db, command.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {command.OrderId} has no fulfilment saga.");
        SagaStep? failedAt = saga.Status == SagaStatus.Failed ? saga.CurrentStep : null;
        await command.Apply(fulfilment, order, saga, cancellationToken);
        if (failedAt is { } step && SagaProgress.Past(saga, step) is { } past)
        {
            var moot = await SupersededDeadLetters.RecordAsync(order.Id, step, $"the order is {order.Status} now, {past}", outboxes, types, history,
                cancellationToken);
            await deadLetters.DiscardAsync((NpgsqlConnection)db.Database.GetDbConnection(), moot, cancellationToken);
        }

        return Unit.Value;
    }
}
