using System.Text.Json;
using MediatR;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.CreateShipment;

internal sealed record CreateShipmentCommand(Guid OrderId, IReadOnlyList<ShipmentLineItem> Lines, ShipmentAddress Address) : ICommand<Unit>;

internal sealed class CreateShipmentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CreateShipment>
{
    public Task HandleAsync(Contracts.CreateShipment message, CancellationToken cancellationToken) =>
        mediator.Send(new CreateShipmentCommand(message.OrderId, message.Lines.Select(l => new ShipmentLineItem(l.Sku, l.Quantity)).ToList(), message.Address), cancellationToken);
}

// One shipment per order: a repeated request answers with the existing shipment.
internal sealed class CreateShipmentHandler(
    ShippingDbContext db, OutboxPublisher<ShippingDbContext> outbox,
    HistoryLog<ShippingDbContext> history, TimeProvider time, TransactionLocks<ShippingDbContext> locks)
    : IRequestHandler<CreateShipmentCommand, Unit>
{
    public async Task<Unit> Handle(CreateShipmentCommand command, CancellationToken cancellationToken)
    {
        // Copies of the request can arrive together: one creates the shipment, the others find it.
        await locks.LockAsync(ShipmentLocks.OfOrder(command.OrderId), cancellationToken);
        var existing = await CompiledQueries.ShipmentOfOrder(db, command.OrderId, cancellationToken);
        if (existing is not null)
        {
            outbox.Publish(new ShipmentCreated(command.OrderId, existing.Id));
            return Unit.Value;
        }

        var shipment = Shipment.Create(command.OrderId, command.Lines,
            JsonSerializer.Serialize(command.Address, MessageSerializer.Options), time.GetUtcNow());
        db.Shipments.Add(shipment);
        history.Record(command.OrderId, "Shipment", shipment.Id, "ShipmentCreated", null, nameof(ShipmentStatus.ReadyToShip));
        outbox.Publish(new ShipmentCreated(command.OrderId, shipment.Id));
        return Unit.Value;
    }
}
