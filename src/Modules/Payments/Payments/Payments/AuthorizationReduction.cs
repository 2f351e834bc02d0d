namespace OrderManagement.Payments.Payments;

// Money a line cancellation took off a payment's authorization (docs/adr/0021). Keyed by the cancellation, so a
// repeat of the same cancellation never reduces twice.
internal sealed class AuthorizationReduction
{
    private AuthorizationReduction()
    {
    }

    public Guid CancellationId { get; private init; }
    public Guid PaymentId { get; private init; }
    public decimal Amount { get; private init; }
    public DateTimeOffset ReducedAt { get; private init; }

    public static AuthorizationReduction Of(Guid cancellationId, Guid paymentId, decimal amount, DateTimeOffset now) =>
        new() { CancellationId = cancellationId, PaymentId = paymentId, Amount = amount, ReducedAt = now };
}
