using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Health;

// GET /health/ready runs every health check tagged ReadinessTag: the database, then one per module. Anything else
// that must hold for this host to take traffic adds its own check with that tag and shows up in the answer by name.
public static class ReadinessRegistration
{
    public const string ReadinessTag = "ready";
    public const string DatabaseCheck = "database";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    internal static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddValidatedOptions(ReadinessOptions.Section,
            ValidatedOptions.Positive<ReadinessOptions>(nameof(ReadinessOptions.MaxMessageAge), o => o.MaxMessageAge));
        services.AddHealthChecks().Add(new HealthCheckRegistration(DatabaseCheck, DatabaseReadiness.Create, HealthStatus.Unhealthy,
            [ReadinessTag], CheckTimeout));
        return services;
    }

    internal static IServiceCollection AddModuleReadinessCheck(this IServiceCollection services, ModuleDescriptor module)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration(module.Name,
            sp => ActivatorUtilities.CreateInstance<ModuleReadinessCheck>(sp, module), HealthStatus.Unhealthy, [ReadinessTag], CheckTimeout));
        return services;
    }
}
