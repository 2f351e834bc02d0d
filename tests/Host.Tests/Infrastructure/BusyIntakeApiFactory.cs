
namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with room for one order placement at a time and no queue, so a second one is turned away.
public sealed class BusyIntakeApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:Intake:MaxConcurrent"] = "1",
        ["Api:Intake:QueueLimit"] = "0",
    };
}

[CollectionDefinition(Name)]
public sealed class BusyIntakeCollection : ICollectionFixture<BusyIntakeApiFactory>
{
    public const string Name = "api-busy-intake";
}
