namespace OrderManagement.BuildingBlocks.Messaging;

// Told when a message has used up its attempts, so the process waiting for it (the saga) stops waiting.
public interface IDeadLetterListener
{
    Task OnDeadLetteredAsync(DeadLetterNotice notice, CancellationToken cancellationToken);
}

public sealed record DeadLetterNotice(Guid Id, string Consumer, string MessageType, string Payload, string Error);
