using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrderManagement.BuildingBlocks.Observability;

// Requests turned away with a 503 before anything was stored, by reason. An observable counter, so every known reason
// is reported from the first scrape on, at 0 until it happens (an alert on its rate needs the series to exist).
internal sealed class ApiMetrics
{
    public static readonly string[] KnownReasons = ["overloaded", "backlog", "request-timeout", "database-busy", "database-unavailable"];

    private readonly ConcurrentDictionary<string, long> _rejections = new(KnownReasons.Select(r => KeyValuePair.Create(r, 0L)));

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Api);
        meter.CreateObservableCounter("oms.intake.rejections", () => _rejections.Select(r =>
                new Measurement<long>(r.Value, new KeyValuePair<string, object?>("oms.rejection.reason", r.Key))),
            "{request}", "Requests answered 503 with Retry-After; nothing was stored.");
    }

    public void Rejected(string reason) => _rejections.AddOrUpdate(reason, 1, (_, count) => count + 1);
}
