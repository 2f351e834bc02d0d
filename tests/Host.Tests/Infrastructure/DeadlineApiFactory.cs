using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with a 2 s request deadline, on a database of its own: its tests lock tables and take every pooled
// connection, which must not reach other tests.
public sealed class DeadlineApiFactory : ApiFactory
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    protected override Task<string> DatabaseAsync() => TestDatabase.ConnectionStringAsync("deadline");

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:RequestTimeout"] = RequestTimeout.ToString(),
    };
}
