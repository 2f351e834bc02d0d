using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.CancelShipment;

internal sealed record CancelShipmentCommand(Guid OrderId) : ICommand<Unit>;

internal sealed class CancelShipmentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CancelShipment>
{
    public Task HandleAsync(Contracts.CancelShipment message, CancellationToken cancellationToken) =>
        mediator.Send(new CancelShipmentCommand(message.OrderId), cancellationToken);
}

// Shipping decides a race between cancel and dispatch: whichever commits first wins, and the other side is told. The
// order's shipments go together (docs/adr/0019): once any of them has left, the cancellation is refused and the rest
// stay ReadyToShip; otherwise every ReadyToShip one is cancelled. The answer names the saga's shipment (the remainder).
internal sealed class CancelShipmentHandler(
    ShippingDbContext db, OutboxPublisher<ShippingDbContext> outbox,
    HistoryLog<ShippingDbContext> history, TimeProvider time, TransactionLocks<ShippingDbContext> locks)
    : IRequestHandler<CancelShipmentCommand, Unit>
{
    public async Task<Unit> Handle(CancelShipmentCommand command, CancellationToken cancellationToken)
    {
        await locks.LockAsync(ShipmentLocks.OfOrder(command.OrderId), cancellationToken);
        var shipments = await db.Shipments.Where(s => s.OrderId == command.OrderId).ToListAsync(cancellationToken);
        var remainder = shipments.FirstOrDefault(s => s.IsRemainder);
        if (remainder is null)
        {
            outbox.Publish(new ShipmentCancelled(command.OrderId, null));
            return Unit.Value;
        }

        if (shipments.OrderBy(s => s.IsRemainder ? 0 : 1).FirstOrDefault(s => s.Status is ShipmentStatus.Dispatched or ShipmentStatus.Delivered) is { } left)
        {
            history.Record(command.OrderId, "Shipment", left.Id, "ShipmentCancellationRefused",
                left.Status.ToString(), left.Status.ToString(), "The shipment has already left the warehouse.");
            outbox.Publish(new ShipmentCancellationRefused(command.OrderId, left.Id, left.Status));
            return Unit.Value;
        }

        foreach (var shipment in shipments.Where(s => s.Status == ShipmentStatus.ReadyToShip))
        {
            shipment.Apply(ShipmentTrigger.Cancel, time.GetUtcNow(), history);
        }

        outbox.Publish(new ShipmentCancelled(command.OrderId, remainder.Id));
        return Unit.Value;
    }
}
