using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.GetShipment;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.SplitShipment;

internal sealed record SplitShipmentCommand(Guid OrderId, IReadOnlyList<ShipmentLineItem> Lines) : ICommand<ShipmentView>;

// Carves the requested units out of the order's remainder shipment (the saga's one, not yet dispatched) into a new
// shipment, ReadyToShip (docs/adr/0019). The order must be Confirmed with no cancellation under way (Ordering says);
// the units must be in the remainder. Shipping decides races: the per-order lock orders this against a dispatch or a
// cancellation of the order's shipments, and the one that comes second sees what the first did.
internal sealed class SplitShipmentHandler(
    ShippingDbContext db, OutboxPublisher<ShippingDbContext> outbox, HistoryLog<ShippingDbContext> history,
    TimeProvider time, TransactionLocks<ShippingDbContext> locks, IOrderStatusQueries orders)
    : IRequestHandler<SplitShipmentCommand, ShipmentView>
{
    public async Task<ShipmentView> Handle(SplitShipmentCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.GetOrderStatusAsync(command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        if (order.Status != OrderStatus.Confirmed || order.CancellationRequested)
        {
            var state = order.CancellationRequested ? "being cancelled" : order.Status.ToString();
            throw new ConflictException(
                $"Order {order.OrderId} is {state}; shipments are carved out of a Confirmed order only (not before it is confirmed, not once "
                + "it is cancelled, rejected or shipped).", "order-not-shippable");
        }

        if (command.Lines.FirstOrDefault(l => !order.Skus.Contains(l.Sku, StringComparer.Ordinal)) is { } unknown)
        {
            throw new NotFoundException($"Order {order.OrderId} line with SKU", unknown.Sku);
        }

        await locks.LockAsync(ShipmentLocks.OfOrder(command.OrderId), cancellationToken);
        var remainder = await db.Shipments.FirstOrDefaultAsync(s => s.OrderId == command.OrderId && s.IsRemainder, cancellationToken);
        if (remainder is not { Status: ShipmentStatus.ReadyToShip })
        {
            throw new ConflictException(
                $"Order {command.OrderId} has no units waiting to be shipped: its shipment is {remainder?.Status.ToString() ?? "not created yet"}.",
                "nothing-left-to-ship");
        }

        if (command.Lines.FirstOrDefault(l => l.Quantity > remainder.Units(l.Sku)) is { } over)
        {
            throw new ConflictException(
                $"Order {command.OrderId} has {remainder.Units(over.Sku)} x {over.Sku} not yet in a shipment of its own or dispatched; "
                + $"{over.Quantity} were asked for. Nothing was changed.", "quantity-exceeds-unshipped");
        }

        var carved = remainder.Carve(command.Lines, time.GetUtcNow(), history);
        db.Shipments.Add(carved);
        outbox.Publish(new ShipmentSplit(command.OrderId, carved.Id, remainder.Id,
            [.. carved.Lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))], remainder.Status == ShipmentStatus.Cancelled));
        return ShipmentView.From(carved);
    }
}
