using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.ReserveStock;

internal sealed class ReserveStockMessageHandler(IMediator mediator) : IMessageHandler<Contracts.ReserveStock>
{
    public Task HandleAsync(Contracts.ReserveStock message, CancellationToken cancellationToken) =>
        mediator.Send(new ReserveStockCommand(message.OrderId, message.Lines.Select(l => new ReservationLine(l.Sku, l.Quantity)).ToList()), cancellationToken);
}
