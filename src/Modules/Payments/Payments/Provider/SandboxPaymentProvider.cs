using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderManagement.Payments.Provider;

// The contract's sandbox: behaviour is chosen by the token. tok_flaky counts attempts per payment from the
// durable attempt number, so a restart does not reset it. tok_outage fails with an unexpected error (not a transient
// one, so the message is retried by the dispatcher and then dead-lettered) for Payments:SandboxOutage after this
// host first sees the order, then authorizes: a dead letter an operator can rehearse replaying.
internal sealed class SandboxPaymentProvider(IOptions<PaymentProviderOptions> options, TimeProvider time) : IPaymentProvider
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _outageStarts = new();

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        switch (request.Token)
        {
            case "tok_visa" or "tok_mastercard":
                return Approved(request);
            case "tok_timeout":
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new PaymentProviderUnavailableException("The sandbox never answers tok_timeout.");
            case "tok_flaky" when request.Attempt <= 2:
                throw new PaymentProviderUnavailableException($"Sandbox transient failure on attempt {request.Attempt} of a tok_flaky payment.");
            case "tok_flaky":
                return Approved(request);
            case "tok_outage":
                var ends = _outageStarts.GetOrAdd(request.IdempotencyKey, _ => time.GetUtcNow()) + options.Value.SandboxOutage;
                return time.GetUtcNow() < ends
                    ? throw new SandboxOutageException($"Sandbox outage for tok_outage until {ends:O}: the provider answered with an unexpected error.")
                    : Approved(request);
            case "tok_insufficient_funds":
                return new AuthorizationResult(false, null, "Insufficient funds.");
            default:
                return new AuthorizationResult(false, null, "The card was declined.");
        }
    }

    public Task CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task VoidAsync(string authorizationCode, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RefundAsync(string authorizationCode, decimal amount, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;

    private static AuthorizationResult Approved(AuthorizationRequest request) => new(true, "sandbox-" + request.IdempotencyKey, null);
}

// Deliberately not a PaymentProviderUnavailableException: Payments does not retry it, the message delivery fails.
internal sealed class SandboxOutageException(string message) : Exception(message);
