using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OrderManagement.BuildingBlocks.Lifecycle;

// Not ready once a stop has begun, so a load balancer takes this host out before its listener closes. Degraded, not
// Unhealthy: a planned drain is not a fault, so the health check service logs it as a Warning, not an Error (readiness
// is 503 for any status but Healthy).
internal sealed class DrainingReadinessCheck(ShutdownDrain drain, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining || lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Degraded("shutting down: send traffic to another host")
            : HealthCheckResult.Healthy());
}
