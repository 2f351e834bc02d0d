using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.Ordering.Fulfilment;

// A message about an order that can no longer be delivered fails that order's saga, so an operator sees it
// in the stuck list instead of the order waiting forever.
internal sealed partial class SagaDeadLetterListener(IServiceScopeFactory scopes, MessageTypeMap types, ILogger<SagaDeadLetterListener> logger) : IDeadLetterListener
{
    public async Task OnDeadLetteredAsync(DeadLetterNotice notice, CancellationToken cancellationToken)
    {
        if (MessagePayloads.OrderIdOf(notice.Payload) is not { } orderId)
        {
            return;
        }

        LogDeadLettered(orderId, notice.MessageType, notice.Consumer, notice.Error.TrimEnd('.', ' '), notice.Id);
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var error = $"{notice.MessageType} to {notice.Consumer} was dead-lettered ({notice.Error}); once the cause is fixed, replay it (dead letter {notice.Id}) or retry the current step.";
        var step = SagaDefinition.StepOfMessage(types.FindType(notice.MessageType));
        await mediator.Send(new AdvanceFulfilment(orderId, (fulfilment, order, saga, _) =>
        {
            fulfilment.Fail(order, saga, error, step);
            return Task.CompletedTask;
        }), cancellationToken);
    }

    [LoggerMessage(LogLevel.Error, "{MessageType} to {Consumer} about order {OrderId} was dead-lettered: {Error}. Fix the cause, then replay dead letter {DeadLetterId} from the console's Dead letters page or with POST /api/v1/ops/dead-letters/<id>/replay.")]
    private partial void LogDeadLettered(Guid orderId, string messageType, string consumer, string error, Guid deadLetterId);
}
