using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Observability;

// The real host with a short readiness threshold: a due message older than a second makes its module not ready.
public sealed class ReadinessApiFactory : ApiFactory
{
    public static readonly TimeSpan MaxMessageAge = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Readiness:MaxMessageAge"] = MaxMessageAge.ToString(),
    };
}
