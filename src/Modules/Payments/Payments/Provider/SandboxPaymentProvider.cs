namespace OrderManagement.Payments.Provider;

// The contract's sandbox: behaviour is chosen by the token. tok_flaky counts attempts per payment from the
// durable attempt number, so a restart does not reset it.
internal sealed class SandboxPaymentProvider : IPaymentProvider
{
    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        switch (request.Token)
        {
            case "tok_visa" or "tok_mastercard":
                return new AuthorizationResult(true, "sandbox-" + request.IdempotencyKey, null);
            case "tok_timeout":
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new PaymentProviderUnavailableException("The sandbox never answers tok_timeout.");
            case "tok_flaky" when request.Attempt <= 2:
                throw new PaymentProviderUnavailableException($"Sandbox transient failure on attempt {request.Attempt} of a tok_flaky payment.");
            case "tok_flaky":
                return new AuthorizationResult(true, "sandbox-" + request.IdempotencyKey, null);
            case "tok_insufficient_funds":
                return new AuthorizationResult(false, null, "Insufficient funds.");
            default:
                return new AuthorizationResult(false, null, "The card was declined.");
        }
    }

    public Task CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task VoidAsync(string authorizationCode, CancellationToken cancellationToken) => Task.CompletedTask;
}
