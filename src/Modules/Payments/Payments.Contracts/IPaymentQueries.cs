namespace OrderManagement.Payments.Contracts;

public interface IPaymentQueries
{
    Task<IReadOnlyList<PaymentHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);

    // The order's payment (the latest, should there be more than one), or null when Payments has none for it (yet).
    Task<PaymentSnapshot?> GetPaymentAsync(Guid orderId, CancellationToken cancellationToken);
}

// TransactionId: the recording transaction (PostgreSQL's transaction id), which orders an order's history across modules;
// TraceId: the W3C trace id (32 hex digits) of the request or message the change happened in.
public sealed record PaymentHistoryEntry(long TransactionId, DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail, string? TraceId);

// Amount (authorized) and CapturedAmount (captured so far, never above Amount) in Currency (ISO 4217); Attempts counts
// provider calls to authorize it (provider attempts, of MaxAttempts: Payments:MaxAuthorizationAttempts now); LastError is
// the provider's last failure, if any. NextAttemptAt: while it is Pending, when Payments calls the provider again by
// itself (null: no call is due, e.g. after an unexpected error it waits for its AuthorizePayment message to run again).
public sealed record PaymentSnapshot(Guid Id, PaymentStatus Status, decimal Amount, string Currency, int Attempts, string? LastError, DateTimeOffset UpdatedAt,
    decimal CapturedAmount = 0, DateTimeOffset? NextAttemptAt = null, int MaxAttempts = 0);
