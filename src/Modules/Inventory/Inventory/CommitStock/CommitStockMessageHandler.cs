using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.CommitStock;

internal sealed class CommitStockMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CommitStock>
{
    public Task HandleAsync(Contracts.CommitStock message, CancellationToken cancellationToken) =>
        mediator.Send(new CommitStockCommand(message.OrderId, message.ShipmentId,
            message.Lines?.Select(l => new ReservationLine(l.Sku, l.Quantity)).ToList()), cancellationToken);
}
