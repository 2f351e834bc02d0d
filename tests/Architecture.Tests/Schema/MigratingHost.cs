using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.Architecture.Tests.Schema;

// Starts a host the public way: its MigrationHostedService runs the real migrator before StartAsync returns.
public static class MigratingHost
{
    public static async Task<IHost> StartAsync(string connectionString, Action<IServiceCollection, IConfiguration> register)
    {
        // A fixed environment name: "Development" would validate every registration at build time.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "ArchitectureTests" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OrderManagement"] = connectionString });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        register(builder.Services, builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        host.Services.GetRequiredService<MigrationState>().IsMigrated
            .ShouldBeTrue("the migrator failed at start-up; see the log above");
        return host;
    }
}
