namespace OrderManagement.Payments.Provider;

// The outside world. Transient trouble is an exception (PaymentProviderUnavailableException or a timeout);
// a decline is an answer.
internal interface IPaymentProvider
{
    Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken);
    Task CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken);
    Task VoidAsync(string authorizationCode, CancellationToken cancellationToken);

    // Gives amount of a captured authorization back; idempotencyKey is stable per refund, so a repeat refunds once.
    Task RefundAsync(string authorizationCode, decimal amount, string idempotencyKey, CancellationToken cancellationToken);
}

// IdempotencyKey is stable per order, so a retried or repeated call never authorizes twice.
internal sealed record AuthorizationRequest(Guid PaymentId, string IdempotencyKey, decimal Amount, string Currency, string Token, int Attempt);

internal sealed record AuthorizationResult(bool Approved, string? AuthorizationCode, string? DeclineReason);

internal sealed class PaymentProviderUnavailableException(string message) : Exception(message);
