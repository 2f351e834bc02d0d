using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Observability;

// The real host where a delivery gives up on a row lock after 300 ms and is deferred, and a due message older than 3 s
// makes its module not ready: a deferral alone (300 ms wait, under a second until it is due again) stays well below it.
public sealed class LockWaitReadinessApiFactory : ApiFactory
{
    public static readonly TimeSpan MaxMessageAge = TimeSpan.FromSeconds(3);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Readiness:MaxMessageAge"] = MaxMessageAge.ToString(),
        ["Messaging:LockTimeout"] = "00:00:00.300",
    };
}
