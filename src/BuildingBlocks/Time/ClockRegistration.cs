using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OrderManagement.BuildingBlocks.Health;

namespace OrderManagement.BuildingBlocks.Time;

internal static class ClockRegistration
{
    public const string ClockCheck = "clock";

    // TimeProvider is the database's clock unless something registered another before (a test's ManualClock).
    public static IServiceCollection AddDatabaseClock(this IServiceCollection services)
    {
        services.AddValidatedOptions(ClockOptions.Section,
            ValidatedOptions.Positive<ClockOptions>(nameof(ClockOptions.SyncInterval), o => o.SyncInterval),
            ValidatedOptions.Positive<ClockOptions>(nameof(ClockOptions.SkewTolerance), o => o.SkewTolerance));
        // Framework parts register TimeProvider.System with TryAdd before this runs; that registration is not a choice
        // of another clock, and keeping it made every host use its own clock (found by build/skewed-host-test.sh).
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i] is { ServiceType: var type, IsKeyedService: false } d && type == typeof(TimeProvider) && ReferenceEquals(d.ImplementationInstance, TimeProvider.System))
            {
                services.RemoveAt(i);
            }
        }


        services.TryAddKeyedSingleton(HostClock.Key, TimeProvider.System);
        services.TryAddSingleton(sp => new DatabaseClock(sp.GetRequiredKeyedService<TimeProvider>(HostClock.Key)));
        services.TryAddSingleton<TimeProvider>(sp => sp.GetRequiredService<DatabaseClock>());
        services.AddSingleton<IHostedService, DatabaseClockSync>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(ClockCheck,
            sp => ActivatorUtilities.CreateInstance<ClockReadinessCheck>(sp), HealthStatus.Unhealthy, [ReadinessRegistration.ReadinessTag]));
        return services;
    }
}
