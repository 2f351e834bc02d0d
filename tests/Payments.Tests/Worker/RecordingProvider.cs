using System.Collections.Concurrent;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Tests.Worker;

// A provider that records every request; while Hang is set its authorization calls wait until cancelled (a host
// going down), otherwise it approves, with an authorization code derived from the idempotency key as the sandbox does.
// Its first failRefunds refund calls fail as an unavailable provider would.
internal sealed class RecordingProvider(bool hang, int failRefunds = 0) : IPaymentProvider
{
    private int _refundCalls;

    public ConcurrentQueue<(string IdempotencyKey, decimal Amount)> Refunds { get; } = new();

    public Task RefundAsync(string authorizationCode, decimal amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _refundCalls) <= failRefunds)
        {
            throw new PaymentProviderUnavailableException($"Refund call {_refundCalls} fails on purpose.");
        }

        Refunds.Enqueue((idempotencyKey, amount));
        return Task.CompletedTask;
    }

    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<AuthorizationRequest> Authorizations { get; } = new();

    public ConcurrentQueue<string> Voids { get; } = new();

    public Task Called => _called.Task;

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        Authorizations.Enqueue(request);
        _called.TrySetResult();
        if (hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return new AuthorizationResult(true, "recorded-" + request.IdempotencyKey, null);
    }

    public Task CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task VoidAsync(string authorizationCode, CancellationToken cancellationToken)
    {
        Voids.Enqueue(authorizationCode);
        return Task.CompletedTask;
    }
}
