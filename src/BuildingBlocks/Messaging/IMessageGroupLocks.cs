namespace OrderManagement.BuildingBlocks.Messaging;

// Takes, before the handlers of several messages that share one transaction run, the row locks they will need, without
// waiting for any (ADR 0014). A row another transaction holds is skipped, and the messages that need it are left out of
// the group: they are tried again soon without counting an attempt (RowsBusyException), so a group never waits for a
// lock while holding others (no deadlock, and a row locked elsewhere for minutes delays only the messages that need it).
// Registered per consuming module with AddMessageGroupLocks; resolved in the delivery's scope, so it sees the module's
// DbContext and transaction.
public interface IMessageGroupLocks
{
    // Returns the indexes (into messages) of the messages whose rows another transaction holds.
    Task<IReadOnlySet<int>> LockAsync(IReadOnlyList<GroupMessage> messages, CancellationToken cancellationToken);
}

// A message of the group: the consumer's contract type (null: unreadable, to be ignored) and the order it is about, from
// the "orderId" every message of an order's life names (null: about no single order).
public sealed record GroupMessage(object? Message, Guid? OrderId);

internal sealed record MessageGroupLocksRegistration(string Consumer, Type LocksType);
