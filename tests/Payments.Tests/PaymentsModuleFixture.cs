using OrderManagement.Payments.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Payments alone on the real database, talking to the sandbox provider (the contract's stand-in for the outside
// world), with short timeouts and backoff so retries finish in well under a second. Ordering is a recorder.
public sealed class PaymentsModuleFixture : IAsyncLifetime
{
    public const string Ordering = "Ordering";
    public const int MaxAttempts = 3;

    public ModuleTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync(
            (services, config) =>
            {
                services.AddPaymentsModule(config);
                services.RecordMessages<PaymentAuthorized>(Ordering);
                services.RecordMessages<PaymentDeclined>(Ordering);
                services.RecordMessages<PaymentFailed>(Ordering);
                services.RecordMessages<PaymentAttemptFailed>(Ordering);
                services.RecordMessages<PaymentVoided>(Ordering);
                services.RecordMessages<PaymentCaptured>(Ordering);
                services.RecordMessages<PaymentRefunded>(Ordering);
                services.RecordMessages<RefundRefused>(Ordering);
            },
            new Dictionary<string, string?>
            {
                ["Payments:CallTimeout"] = "00:00:00.200",
                ["Payments:MaxAuthorizationAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Payments:RetryBaseDelay"] = "00:00:00.050",
                ["Payments:RetryMaxDelay"] = "00:00:00.200",
            });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
