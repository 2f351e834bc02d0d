using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Review;

// The review step's command, delivered to Ordering through its own outbox like any step's command.
internal sealed class ReviewOrderHandler(IMediator mediator, ReviewDesk desk) : IMessageHandler<ReviewOrder>
{
    public Task HandleAsync(ReviewOrder message, CancellationToken cancellationToken) =>
        mediator.Send(new AdvanceFulfilment(message.OrderId, (fulfilment, order, saga, ct) => desk.ReviewAsync(fulfilment, order, saga, ct)), cancellationToken);
}
