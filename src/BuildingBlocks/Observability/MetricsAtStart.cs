using Microsoft.Extensions.DependencyInjection;

namespace OrderManagement.BuildingBlocks.Observability;

// Metrics classes created when the host starts rather than at their first use, so their seeded series (SeededCounter)
// are in the first scrape: a module's metrics singleton is otherwise built only when its first order or call needs it.
public static class MetricsAtStart
{
    public static IServiceCollection AddMetricsSingleton<T>(this IServiceCollection services) where T : class
    {
        services.AddSingleton<T>();
        services.AddSingleton(sp => new Creation(() => sp.GetRequiredService<T>()));
        return services;
    }

    internal static void CreateAll(IServiceProvider services)
    {
        foreach (var creation in services.GetServices<Creation>())
        {
            creation.Create();
        }
    }

    internal sealed class Creation(Func<object> create)
    {
        public void Create() => create();
    }
}
