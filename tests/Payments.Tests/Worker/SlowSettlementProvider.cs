using System.Collections.Concurrent;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Tests.Worker;

// Approves every authorization. The capture and void of a payment authorized with tok_slow_settlement wait until
// cancelled or released (a provider that hangs on them); the first capture or void of one authorized with tok_capture_error fails
// with an unexpected error; every other capture and void succeeds at once.
internal sealed class SlowSettlementProvider : IPaymentProvider
{
    public const string Slow = "tok_slow_settlement";
    public const string Error = "tok_capture_error";

    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, string> _tokenOfCode = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private int _hanging;

    public int Hanging => Volatile.Read(ref _hanging);

    public int CallsOf(string authorizationCode) => _calls.GetValueOrDefault(authorizationCode);

    // The hanging calls answer from now on, so a test can leave every payment settled.
    public void Release() => _released.TrySetResult();

    public Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var code = "slow-" + request.IdempotencyKey;
        _tokenOfCode[code] = request.Token;
        return Task.FromResult(new AuthorizationResult(true, code, null));
    }

    public Task CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) => SettleAsync(authorizationCode, cancellationToken);

    public Task VoidAsync(string authorizationCode, CancellationToken cancellationToken) => SettleAsync(authorizationCode, cancellationToken);

    public Task RefundAsync(string authorizationCode, decimal amount, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SettleAsync(string authorizationCode, CancellationToken cancellationToken)
    {
        var calls = _calls.AddOrUpdate(authorizationCode, 1, (_, n) => n + 1);
        switch (_tokenOfCode.GetValueOrDefault(authorizationCode))
        {
            case Slow:
                Interlocked.Increment(ref _hanging);
                try
                {
                    await _released.Task.WaitAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _hanging);
                }

                break;
            case Error when calls == 1:
                throw new InvalidOperationException("Slow-settlement provider: an unexpected error on the first call.");
        }
    }
}
