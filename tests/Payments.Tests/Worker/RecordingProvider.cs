using System.Collections.Concurrent;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Tests.Worker;

// A provider that records every request; while Hang is set its authorization calls wait until cancelled (a host
// going down), otherwise it approves, with an authorization code derived from the idempotency key as the sandbox does.
internal sealed class RecordingProvider(bool hang) : IPaymentProvider
{
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
