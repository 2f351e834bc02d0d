namespace OrderManagement.Shipping.Contracts;

public interface IShippingQueries
{
    Task<IReadOnlyList<ShippingHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);
}

// TransactionId: the recording transaction (PostgreSQL's transaction id), which orders an order's history across modules.
public sealed record ShippingHistoryEntry(long TransactionId, DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);
