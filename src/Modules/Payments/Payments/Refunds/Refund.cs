namespace OrderManagement.Payments.Refunds;

// One refund of a payment, for one return (Id is the return's id, so a return is refunded at most once). Requested
// while the provider call is due or in flight (a lease, as authorization attempts have), Succeeded once it is made.
internal sealed class Refund
{
    private Refund()
    {
    }

    public Guid Id { get; private init; }
    public Guid PaymentId { get; private init; }
    public Guid OrderId { get; private init; }
    public decimal Amount { get; private init; }
    public RefundStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public Guid? LeaseId { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public string? TraceParent { get; private init; }
    public string? CorrelationId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Refund Request(Guid returnId, Guid paymentId, Guid orderId, decimal amount, string? traceParent, string? correlationId, DateTimeOffset now) => new()
    {
        Id = returnId,
        PaymentId = paymentId,
        OrderId = orderId,
        Amount = amount,
        Status = RefundStatus.Requested,
        DueAt = now,
        TraceParent = traceParent,
        CorrelationId = correlationId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Succeeded(DateTimeOffset now)
    {
        Status = RefundStatus.Succeeded;
        DueAt = null;
        LeaseId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }

    public void Failed(string error, DateTimeOffset now, DateTimeOffset nextAttemptAt)
    {
        LastError = error;
        DueAt = nextAttemptAt;
        LeaseId = null;
        LeaseExpiresAt = null;
        UpdatedAt = now;
    }
}

internal enum RefundStatus
{
    Requested,
    Succeeded,
}
