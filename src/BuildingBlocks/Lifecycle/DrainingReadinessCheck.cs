using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OrderManagement.BuildingBlocks.Lifecycle;

// Not ready once a stop has begun, so a load balancer takes this host out before its listener closes.
internal sealed class DrainingReadinessCheck(ShutdownDrain drain, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining || lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("shutting down: send traffic to another host")
            : HealthCheckResult.Healthy());
}
