using MediatR;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.Inventory.ReleaseStock;

internal sealed class ReleaseStockMessageHandler(IMediator mediator) : IMessageHandler<Contracts.ReleaseStock>
{
    public Task HandleAsync(Contracts.ReleaseStock message, CancellationToken cancellationToken) =>
        mediator.Send(new ReleaseStockCommand(message.OrderId), cancellationToken);
}
