namespace OrderManagement.Host.Tests.Infrastructure;

// The real host (Development: receivers on 127.0.0.1 allowed) with webhook retries in tenths of a second
// and a second storefront key to show that subscriptions belong to their key.
public sealed class WebhookApiFactory : ApiFactory
{
    public const string OtherStorefrontKey = "other-storefront-key";

    // Ordering:Webhooks:MaxAttempts is left to the tests, which set it live through the settings API (a value set here
    // would win over the settings table): many while a receiver is down, few for the dead-letter test.
    public const int ManyAttempts = 100;
    public const int FewAttempts = 4;

    public static readonly TimeSpan InterestRefresh = TimeSpan.FromMilliseconds(200);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:2:Name"] = "other-storefront",
        ["Auth:ApiKeys:2:Role"] = "storefront",
        ["Auth:ApiKeys:2:Key"] = OtherStorefrontKey,
        ["Ordering:Webhooks:RetryBaseDelay"] = "00:00:00.100",
        ["Ordering:Webhooks:RetryMaxDelay"] = "00:00:00.500",
        ["Ordering:Webhooks:CallTimeout"] = "00:00:02",
        ["Ordering:Webhooks:Lease"] = "00:00:05",
        ["Ordering:Webhooks:PollInterval"] = "00:00:00.100",
        ["Ordering:Webhooks:MaxSubscriptionsPerKey"] = "3",
        ["Ordering:Webhooks:InterestRefresh"] = InterestRefresh.ToString(),
    };
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookApiFactory>
{
    public const string Name = "api-webhooks";
}
