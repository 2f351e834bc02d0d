using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OrderManagement.Payments.Provider;

// Every provider call runs under the configured timeout; retries are durable scheduled messages, not in-memory loops.
internal sealed class ProviderCalls(IPaymentProvider provider, IOptions<PaymentProviderOptions> options, TimeProvider time, ProviderMetrics metrics)
{
    private readonly ResiliencePipeline _timeout = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddTimeout(options.Value.CallTimeout)
        .Build();

    public ValueTask<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("authorize",
            () => _timeout.ExecuteAsync(async ct => await provider.AuthorizeAsync(request, ct), cancellationToken),
            result => result.Approved ? "approved" : "declined");

    public async ValueTask CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) =>
        await metrics.MeasureAsync("capture", async () =>
        {
            await _timeout.ExecuteAsync(async ct => await provider.CaptureAsync(authorizationCode, amount, ct), cancellationToken);
            return true;
        }, _ => "succeeded");

    public async ValueTask VoidAsync(string authorizationCode, CancellationToken cancellationToken) =>
        await metrics.MeasureAsync("void", async () =>
        {
            await _timeout.ExecuteAsync(async ct => await provider.VoidAsync(authorizationCode, ct), cancellationToken);
            return true;
        }, _ => "succeeded");

    public async ValueTask RefundAsync(string authorizationCode, decimal amount, string idempotencyKey, CancellationToken cancellationToken) =>
        await metrics.MeasureAsync("refund", async () =>
        {
            await _timeout.ExecuteAsync(async ct => await provider.RefundAsync(authorizationCode, amount, idempotencyKey, ct), cancellationToken);
            return true;
        }, _ => "succeeded");

    public static bool IsTransient(Exception exception) => exception is TimeoutRejectedException or PaymentProviderUnavailableException;
}
