using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Tests;

// A provider whose answer the test controls: the first authorization attempt fails transiently, the second
// waits at a gate until the test opens it and then approves. It lets a test act while an attempt is in flight.
internal sealed class GatedProvider : IPaymentProvider
{
    private readonly TaskCompletionSource _secondAttemptStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SecondAttemptStarted => _secondAttemptStarted.Task;

    public System.Collections.Concurrent.ConcurrentQueue<string> Voids { get; } = new();

    public void Open() => _gate.TrySetResult();

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        if (request.Attempt == 1)
        {
            throw new PaymentProviderUnavailableException("Gated provider: the first attempt always fails.");
        }

        _secondAttemptStarted.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return new AuthorizationResult(true, "gated-" + request.IdempotencyKey, null);
    }

    public Task CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RefundAsync(string authorizationCode, decimal amount, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task VoidAsync(string authorizationCode, CancellationToken cancellationToken)
    {
        Voids.Enqueue(authorizationCode);
        return Task.CompletedTask;
    }
}
