using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Messaging;
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

// Shipping decides a race between cancel and dispatch: whichever commits first wins, and the other side is told.
internal sealed class CancelShipmentHandler(ShippingDbContext db) : IRequestHandler<CancelShipmentCommand, Unit>
{
    public async Task<Unit> Handle(CancelShipmentCommand command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.FirstOrDefaultAsync(s => s.OrderId == command.OrderId, cancellationToken);
        switch (shipment?.Status)
        {
            case null:
                db.Publish(new ShipmentCancelled(command.OrderId, null));
                break;
            case ShipmentStatus.Cancelled:
                db.Publish(new ShipmentCancelled(command.OrderId, shipment.Id));
                break;
            case ShipmentStatus.ReadyToShip:
                shipment.Apply(ShipmentTrigger.Cancel, db.Time.GetUtcNow(), db);
                db.Publish(new ShipmentCancelled(command.OrderId, shipment.Id));
                break;
            default:
                db.RecordHistory(command.OrderId, "Shipment", shipment.Id, "ShipmentCancellationRefused",
                    shipment.Status.ToString(), shipment.Status.ToString(), "The shipment has already left the warehouse.");
                db.Publish(new ShipmentCancellationRefused(command.OrderId, shipment.Id, shipment.Status.ToString()));
                break;
        }

        return Unit.Value;
    }
}
