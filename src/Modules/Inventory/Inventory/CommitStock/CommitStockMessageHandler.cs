using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.CommitStock;

internal sealed class CommitStockMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CommitStock>
{
    public Task HandleAsync(Contracts.CommitStock message, CancellationToken cancellationToken) =>
        message is { ShipmentId: { } shipmentId, Lines: { } lines }
            ? mediator.Send(new CommitShipmentStockCommand(message.OrderId, shipmentId, [.. lines.Select(l => new ReservationLine(l.Sku, l.Quantity))]), cancellationToken)
            : mediator.Send(new CommitStockCommand(message.OrderId), cancellationToken);
}
