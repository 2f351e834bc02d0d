using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.Ordering.Fulfilment;

// A message about an order that can no longer be delivered fails that order's saga, so an operator sees it
// in the stuck list instead of the order waiting forever.
internal sealed class SagaDeadLetterListener(IServiceScopeFactory scopes) : IDeadLetterListener
{
    public async Task OnDeadLetteredAsync(DeadLetterNotice notice, CancellationToken cancellationToken)
    {
        if (MessagePayloads.OrderIdOf(notice.Payload) is not { } orderId)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var error = $"{notice.MessageType} to {notice.Consumer} was dead-lettered ({notice.Error}); replay it from /api/v1/ops/dead-letters/{notice.Id}/replay once the cause is fixed.";
        await mediator.Send(new AdvanceFulfilment(orderId, new MessageDeadLettered(error)), cancellationToken);
    }

}
