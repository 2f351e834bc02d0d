namespace OrderManagement.Inventory.Contracts;

public interface IInventoryQueries
{
    Task<IReadOnlyList<InventoryHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);
}

// TransactionId: the recording transaction (PostgreSQL's transaction id), which orders an order's history across modules.
public sealed record InventoryHistoryEntry(long TransactionId, DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);
