using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Operations.Settings;

namespace OrderManagement.BuildingBlocks.Operations;

// The operators' own records: the audit of their actions, the settings they change at run time and the console sessions
// they signed out of.
internal static class OperationsSchema
{
    public const string Name = "operations";

    public static IServiceCollection AddOperationsRecords(this IServiceCollection services)
    {
        services.AddSingleton(new OwnedSchema(Name, typeof(OperationsSchema).Assembly, ".Operations.Migrations."));
        services.AddSingleton(sp => new OperatorAuditLog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RevokedSessions(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SettingsStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetServices<EditableSetting>(),
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<OperatorAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddEditableSetting(EditableSetting.Integer($"{MessagingOptions.Section}:MaxAttempts",
            "Delivery attempts of a message before it is dead-lettered", 1, 100, new MessagingOptions().MaxAttempts));
        return services;
    }
}
