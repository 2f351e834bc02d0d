using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OrderManagement.Payments.Provider;

// Every provider call runs under the configured timeout; retries are durable scheduled messages, not in-memory loops.
internal sealed class ProviderCalls(IPaymentProvider provider, IOptions<PaymentProviderOptions> options, TimeProvider time)
{
    private readonly ResiliencePipeline _timeout = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddTimeout(options.Value.CallTimeout)
        .Build();

    public ValueTask<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken) =>
        _timeout.ExecuteAsync(async ct => await provider.AuthorizeAsync(request, ct), cancellationToken);

    public ValueTask CaptureAsync(string authorizationCode, decimal amount, CancellationToken cancellationToken) =>
        _timeout.ExecuteAsync(async ct => await provider.CaptureAsync(authorizationCode, amount, ct), cancellationToken);

    public ValueTask VoidAsync(string authorizationCode, CancellationToken cancellationToken) =>
        _timeout.ExecuteAsync(async ct => await provider.VoidAsync(authorizationCode, ct), cancellationToken);

    public static bool IsTransient(Exception exception) => exception is TimeoutRejectedException or PaymentProviderUnavailableException;
}
