
namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with a payment that Payments keeps retrying: a 1 s provider timeout, about a second between attempts
// and far more attempts than a test lasts, while the saga's payment step waits minutes. A cancel meets the payment
// between or during attempts.
public sealed class PaymentRetryApiFactory : ApiFactory
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(1);

    // The shortest time between two attempts: half of RetryBaseDelay, with RetryBackoff's equal jitter.
    public static readonly TimeSpan ShortestRetryDelay = TimeSpan.FromSeconds(0.5);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Fulfilment:PaymentStepDeadline"] = "00:05:00",
        ["Payments:CallTimeout"] = CallTimeout.ToString(),
        ["Payments:MaxAuthorizationAttempts"] = "1000",
        ["Payments:RetryBaseDelay"] = "00:00:01",
        ["Payments:RetryMaxDelay"] = "00:00:01.500",
    };
}

[CollectionDefinition(Name)]
public sealed class PaymentRetryCollection : ICollectionFixture<PaymentRetryApiFactory>
{
    public const string Name = "api-payment-retry";
}
