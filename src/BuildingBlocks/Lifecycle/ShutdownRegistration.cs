using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OrderManagement.BuildingBlocks.Health;

namespace OrderManagement.BuildingBlocks.Lifecycle;

internal static class ShutdownRegistration
{
    public const string ReadinessCheck = "shutdown";

    private static readonly TimeSpan MaxDrainPeriod = TimeSpan.FromMinutes(5);

    // The last IHostLifetime registered wins over the console lifetime that the host builder added.
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddValidatedOptions(ShutdownOptions.Section,
            new ValidatedOptions.Rule<ShutdownOptions>(nameof(ShutdownOptions.DrainPeriod),
                o => o.DrainPeriod >= TimeSpan.Zero && o.DrainPeriod <= MaxDrainPeriod, "must be a duration from 00:00:00 to 00:05:00"));
        services.AddSingleton<ShutdownDrain>();
        services.AddSingleton<IHostLifetime, DrainingLifetime>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(ReadinessCheck,
            sp => ActivatorUtilities.CreateInstance<DrainingReadinessCheck>(sp), HealthStatus.Unhealthy, [ReadinessRegistration.ReadinessTag]));
        return services;
    }

    public static IApplicationBuilder UseConnectionCloseWhileDraining(this IApplicationBuilder app) =>
        app.UseMiddleware<ConnectionCloseWhileDrainingMiddleware>();
}
