
namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with a short sandbox outage (tok_outage) and few delivery attempts, so the payment message is
// dead-lettered within a second and the outage is over a few seconds later.
public sealed class ProviderOutageApiFactory : ApiFactory
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Payments:SandboxOutage"] = Outage.ToString(),
        ["Messaging:MaxAttempts"] = "3",
    };
}

[CollectionDefinition(Name)]
public sealed class ProviderOutageCollection : ICollectionFixture<ProviderOutageApiFactory>
{
    public const string Name = "api-provider-outage";
}
