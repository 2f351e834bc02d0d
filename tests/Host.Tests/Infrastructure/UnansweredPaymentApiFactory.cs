
namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with a payment step that goes unanswered: tok_timeout is retried by Payments far longer than
// the saga waits (200 ms per try, two tries), so the saga gives up first and waits for an operator.
public sealed class UnansweredPaymentApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Fulfilment:PaymentStepDeadline"] = "00:00:00.200",
        ["Fulfilment:MaxStepAttempts"] = "2",
        ["Payments:CallTimeout"] = "00:00:00.200",
        ["Payments:MaxAuthorizationAttempts"] = "1000",
    };
}

[CollectionDefinition(Name)]
public sealed class UnansweredPaymentCollection : ICollectionFixture<UnansweredPaymentApiFactory>
{
    public const string Name = "api-unanswered-payment";
}
