using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with admission by backlog at a 1 s limit (test hosts otherwise turn it off), on a database of its own:
// its tests hold outbox rows locked, which must not reach other tests.
public sealed class BacklogApiFactory : ApiFactory
{
    public static readonly TimeSpan MaxBacklogAge = TimeSpan.FromSeconds(1);

    protected override Task<string> DatabaseAsync() => TestDatabase.ConnectionStringAsync("backlog");

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:Intake:MaxBacklogAge"] = MaxBacklogAge.ToString(),
    };
}
