using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OrderManagement.BuildingBlocks.Time;

// The "clock" readiness check: not ready while the host's own clock is further from the database's than
// Clock:SkewTolerance. Scheduling stays correct (it uses the database's clock), but a host that far off is broken in
// a way an operator must fix, and anything outside the OMS that trusts its clock would be wrong.
internal sealed class ClockReadinessCheck(DatabaseClock clock, IOptionsMonitor<ClockOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var tolerance = options.CurrentValue.SkewTolerance;
        return Task.FromResult(clock.Skew is { } skew && skew.Duration() > tolerance
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"host clock is {ClockSkew.Describe(skew)} (tolerance {tolerance.TotalSeconds:0.#} s): fix the host's time synchronization (NTP)"))
            : HealthCheckResult.Healthy());
    }
}
