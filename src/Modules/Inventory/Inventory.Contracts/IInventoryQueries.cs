namespace OrderManagement.Inventory.Contracts;

public interface IInventoryQueries
{
    Task<IReadOnlyList<InventoryHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);

    // The order's stock reservation, or null when Inventory has none for it (yet).
    Task<ReservationSnapshot?> GetReservationAsync(Guid orderId, CancellationToken cancellationToken);
}

// TransactionId: the recording transaction (PostgreSQL's transaction id), which orders an order's history across modules;
// TraceId: the W3C trace id (32 hex digits) of the request or message the change happened in.
public sealed record InventoryHistoryEntry(long TransactionId, DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail, string? TraceId);

public sealed record ReservationSnapshot(Guid Id, ReservationStatus Status, IReadOnlyList<StockLine> Lines, DateTimeOffset UpdatedAt);
