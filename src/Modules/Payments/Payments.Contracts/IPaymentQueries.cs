namespace OrderManagement.Payments.Contracts;

public interface IPaymentQueries
{
    Task<IReadOnlyList<PaymentHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);
}

// TransactionId: the recording transaction (PostgreSQL's transaction id), which orders an order's history across modules.
public sealed record PaymentHistoryEntry(long TransactionId, DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);
