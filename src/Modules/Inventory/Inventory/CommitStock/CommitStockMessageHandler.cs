using MediatR;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.Inventory.CommitStock;

internal sealed class CommitStockMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CommitStock>
{
    public Task HandleAsync(Contracts.CommitStock message, CancellationToken cancellationToken) =>
        mediator.Send(new CommitStockCommand(message.OrderId), cancellationToken);
}
