using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.DataProtection;

internal static class DataProtectionRegistration
{
    // One application name for every host: the default discriminator is the content root path, which would give
    // hosts started from different directories separate key rings.
    public const string ApplicationName = "OrderManagement";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDbContext<DataProtectionKeysDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(new OwnedSchema(DataProtectionKeysDbContext.Schema, typeof(DataProtectionKeysDbContext).Assembly, ".DataProtection.Migrations."));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DataProtectionKeysDbContext>();

        // Data Protection reads the key ring in a hosted service at start-up. Whoever registered Data Protection first
        // (AddAuthentication does), that service must start after MigrationHostedService has created the table.
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(warmUp);
            services.Add(warmUp);
        }

        return services;
    }
}
