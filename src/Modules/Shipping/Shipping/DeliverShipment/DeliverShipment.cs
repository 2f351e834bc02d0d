using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.GetShipment;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.DeliverShipment;

internal sealed record DeliverShipmentCommand(Guid ShipmentId) : ICommand<ShipmentView>;

internal sealed class DeliverShipmentHandler(
    ShippingDbContext db, OutboxPublisher<ShippingDbContext> outbox, HistoryLog<ShippingDbContext> history, TimeProvider time)
    : IRequestHandler<DeliverShipmentCommand, ShipmentView>
{
    public async Task<ShipmentView> Handle(DeliverShipmentCommand command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.FirstOrDefaultAsync(s => s.Id == command.ShipmentId, cancellationToken)
            ?? throw new NotFoundException("Shipment", command.ShipmentId.ToString());
        shipment.Apply(ShipmentTrigger.Deliver, time.GetUtcNow(), history);
        outbox.Publish(new ShipmentDelivered(shipment.OrderId, shipment.Id));
        return ShipmentView.From(shipment);
    }
}
