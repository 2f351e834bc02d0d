using MediatR;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Fulfilment;

// Something happened that concerns an order's fulfilment (a reply, a deadline, a warehouse event, a dead letter): the
// handler loads the order and its saga in one transaction and applies it.
internal sealed record AdvanceFulfilment(Guid OrderId, Func<OrderFulfilment, Order, FulfilmentSaga, CancellationToken, Task> Apply) : ICommand<Unit>;

internal sealed class AdvanceFulfilmentHandler(OrderingDbContext db, OrderFulfilment fulfilment) : IRequestHandler<AdvanceFulfilment, Unit>
{
    public async Task<Unit> Handle(AdvanceFulfilment command, CancellationToken cancellationToken)
    {
        var order = await CompiledQueries.OrderById(db, command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        var saga = await CompiledQueries.SagaOfOrder(db, command.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {command.OrderId} has no fulfilment saga.");
        await command.Apply(fulfilment, order, saga, cancellationToken);
        return Unit.Value;
    }
}
