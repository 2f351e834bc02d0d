using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Provider;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Payments with the gated provider in place of the sandbox, and a call timeout long enough for a test to act
// while an attempt waits at the gate.
public sealed class GatedProviderFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    internal GatedProvider Provider { get; } = new();

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync(
            (services, config) =>
            {
                services.AddSingleton<IPaymentProvider>(Provider);
                services.AddPaymentsModule(config);
                services.RecordMessages<PaymentAuthorized>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentDeclined>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentFailed>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentAttemptFailed>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentVoided>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentCaptured>(PaymentsModuleFixture.Ordering);
            },
            new Dictionary<string, string?>
            {
                ["Payments:CallTimeout"] = "00:00:10",
                ["Payments:MaxAuthorizationAttempts"] = "3",
                ["Payments:RetryBaseDelay"] = "00:00:00.050",
                ["Payments:RetryMaxDelay"] = "00:00:00.200",
            });

    public async Task DisposeAsync()
    {
        Provider.Open();
        await Host.DisposeAsync();
    }
}
