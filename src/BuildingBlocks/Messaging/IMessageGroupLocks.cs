namespace OrderManagement.BuildingBlocks.Messaging;

// Takes, before the handlers of several messages that share one transaction run, the row locks they will need, in one
// fixed order, so two such transactions that need the same rows wait for each other instead of deadlocking (ADR 0014).
// Registered per consuming module with AddMessageGroupLocks; resolved in the delivery's scope, so it sees the module's
// DbContext and transaction. Messages are the consumer's contract types; an unknown one is to be ignored.
public interface IMessageGroupLocks
{
    Task LockAsync(IReadOnlyList<object> messages, CancellationToken cancellationToken);
}

internal sealed record MessageGroupLocksRegistration(string Consumer, Type LocksType);
