using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests.Worker;

// A Payments host of a test's own, with the provider it names (the sandbox when none) and Ordering as a recorder. Its
// messages go through Payments' own outbox and dispatcher, as Ordering's would: the delivery path is part of the test.
internal static class PaymentsHosts
{
    public static Task<ModuleTestHost> StartAsync(TimeSpan callTimeout, IPaymentProvider? provider = null, bool reset = true,
        IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Payments:CallTimeout"] = callTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Payments:MaxAuthorizationAttempts"] = "1",
            ["Payments:RetryBaseDelay"] = "00:00:00.050",
            ["Payments:RetryMaxDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return ModuleTestHost.StartAsync(
            (services, config) =>
            {
                if (provider is not null)
                {
                    services.AddSingleton(provider);
                }

                services.AddPaymentsModule(config);
                services.RecordMessages<PaymentAuthorized>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentDeclined>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentFailed>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentAttemptFailed>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentVoided>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentCaptured>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<PaymentRefunded>(PaymentsModuleFixture.Ordering);
                services.RecordMessages<RefundRefused>(PaymentsModuleFixture.Ordering);
            },
            all,
            reset);
    }

    // Queues messages for Payments in one committed transaction; the module's dispatcher delivers them.
    public static Task SendAsync(this ModuleTestHost host, params object[] messages) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var outbox = sp.GetRequiredService<OutboxPublisher<PaymentsDbContext>>();
            foreach (var message in messages)
            {
                outbox.Publish(message);
            }

            return await db.SaveChangesAsync();
        });

    public static Contracts.AuthorizePayment Authorize(Guid orderId, string token) => new(orderId, 10m, "EUR", "card", token);
}
