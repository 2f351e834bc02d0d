using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderManagement.BuildingBlocks.Health;

// The body of GET /health/ready. status: "ready" or "not-ready"; reason: null when ready, else every failing check
// as "<check>: <why>" joined by "; "; checks: each check by name ("database", "Ordering", ...) with its own status
// and reason.
public sealed record ReadinessReport(Readiness Status, string? Reason, IReadOnlyDictionary<string, ReadinessCheckResult> Checks)
{
    internal static ReadinessReport From(HealthReport report, Func<HealthReportEntry, string> reason)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new ReadinessCheckResult(
            e.Value.Status == HealthStatus.Healthy ? Readiness.Ready : Readiness.NotReady,
            e.Value.Status == HealthStatus.Healthy ? null : reason(e.Value)));
        var failing = checks.Where(c => c.Value.Reason is not null).Select(c => $"{c.Key}: {c.Value.Reason}").ToList();
        return new ReadinessReport(failing.Count == 0 ? Readiness.Ready : Readiness.NotReady, failing.Count == 0 ? null : string.Join("; ", failing), checks);
    }
}

public sealed record ReadinessCheckResult(Readiness Status, string? Reason);

[JsonConverter(typeof(JsonStringEnumConverter<Readiness>))]
public enum Readiness
{
    [JsonStringEnumMemberName("ready")]
    Ready,

    [JsonStringEnumMemberName("not-ready")]
    NotReady,
}
