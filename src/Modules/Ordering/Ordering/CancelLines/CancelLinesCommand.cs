using MediatR;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.CancelLines;

// ByOperator: sent by an operator (API key or console), so it goes to the operators' audit.
internal sealed record CancelLinesCommand(Guid OrderId, IReadOnlyList<CancelledUnits> Lines, string Reason, string Actor, bool ByOperator)
    : ICommand<OrderView>, IOperatorCommand<OrderView>
{
    public OperatorActionRecord? Describe(OrderView result) => ByOperator
        ? new("CancelLines", OrderId, $"Line cancellation requested ({string.Join(", ", Lines.Select(l => $"{l.Quantity} x {l.Sku}"))}): {Reason}")
        : null;
}

// Accepts a line cancellation of a Confirmed order for units Ordering knows to be still unshipped, and asks Shipping,
// which decides a race with a dispatch or carve-out (docs/adr/0021). The order row's version serializes two requests
// for one order: the second is weighed against the first or fails as a concurrent update.
internal sealed class CancelLinesHandler(
    OrderingDbContext db, OutboxPublisher<OrderingDbContext> outbox, HistoryLog<OrderingDbContext> history, TimeProvider time)
    : IRequestHandler<CancelLinesCommand, OrderView>
{
    public async Task<OrderView> Handle(CancelLinesCommand command, CancellationToken cancellationToken)
    {
        var order = await CompiledQueries.OrderById(db, command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        OrderStateMachine.EnsurePermitted(order, OrderTrigger.CancelLines); // order-lines-not-cancellable unless Confirmed, not being cancelled

        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var (sku, quantity) = command.Lines[i];
            var line = order.Lines.FirstOrDefault(l => l.Sku == sku) ?? throw new NotFoundException($"Order {order.Id} line with SKU", sku);
            if (quantity > line.Quantity)
            {
                errors[$"lines[{i}].quantity"] = [$"quantity must be at most {line.Quantity}, the units of {sku} still on the order."];
                continue;
            }

            var cancellable = order.CancellableUnits(sku);
            if (quantity > cancellable)
            {
                throw new ConflictException(
                    $"lines[{i}] ({sku}): only {Math.Max(cancellable, 0)} of its {line.Quantity} units can still be cancelled; the others are in a "
                    + "shipment (carved out or dispatched) or in a line cancellation under way. Nothing was changed.", "units-not-cancellable");
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (order.UnitsAfterRequestedCancellations == command.Lines.Sum(l => l.Quantity))
        {
            throw new ConflictException(
                $"These lines are every unit left on order {order.Id}: cancel the order instead (POST /api/v1/orders/{order.Id}/cancel), which "
                + "also releases the stock and voids the payment. Nothing was changed.", "cancels-whole-order");
        }

        var cancellation = order.RequestLineCancellation(command.Lines, command.Reason, command.Actor, time.GetUtcNow(), history);
        outbox.Publish(new CancelShipmentLines(order.Id, cancellation.CancellationId, [.. command.Lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))]));
        return OrderView.From(order);
    }
}
