using System.Diagnostics.Metrics;

namespace OrderManagement.BuildingBlocks.Observability;

// Requests turned away with a 503 before anything was stored: intake full (overloaded) or database unreachable.
internal sealed class ApiMetrics
{
    private readonly Counter<long> _rejections;

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Api);
        _rejections = meter.CreateCounter<long>("oms.intake.rejections", "{request}", "Requests answered 503 with Retry-After; nothing was stored.");
    }

    public void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("oms.rejection.reason", reason));
}
