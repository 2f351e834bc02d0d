using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.CancelLines;

// Shipping's answers to a line cancellation, applied to the order in the transaction of their delivery.
internal sealed class LineCancellationOutcomes(IMediator mediator) :
    IMessageHandler<ShipmentLinesCancelled>, IMessageHandler<ShipmentLinesCancellationRefused>
{
    public Task HandleAsync(ShipmentLinesCancelled message, CancellationToken cancellationToken) =>
        mediator.Send(new AdvanceFulfilment(message.OrderId, (f, order, _, _) =>
        {
            f.LinesCancelled(order, message);
            return Task.CompletedTask;
        }), cancellationToken);

    public Task HandleAsync(ShipmentLinesCancellationRefused message, CancellationToken cancellationToken) =>
        mediator.Send(new AdvanceFulfilment(message.OrderId, (f, order, _, _) =>
        {
            f.LineCancellationRefused(order, message);
            return Task.CompletedTask;
        }), cancellationToken);
}
