using Npgsql;

namespace OrderManagement.BuildingBlocks.Messaging;

// A handler that waited for a row lock longer than Messaging:LockTimeout (55P03 lock_not_available), was chosen as a
// deadlock's victim (40P01), or was left out of its group because its rows were busy (RowsBusyException): nothing is
// wrong with the message, another transaction held the rows it needs.
internal static class LockContention
{
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RowsBusyException or PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }
}
