namespace OrderManagement.BuildingBlocks.Messaging;

// A message left out of its group because another transaction holds a row it needs (IMessageGroupLocks): nothing is
// wrong with the message; it is tried again soon and not counted as a delivery attempt (LockContention).
internal sealed class RowsBusyException(string consumer)
    : Exception($"{consumer} left this message out of its group: a row it needs is locked by another transaction (row lock busy).");
