using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.Operations;

// The operators' own records: the audit of their actions and the settings they change at run time.
internal static class OperationsSchema
{
    public const string Name = "operations";

    public static IServiceCollection AddOperationsRecords(this IServiceCollection services)
    {
        services.AddSingleton(new OwnedSchema(Name, typeof(OperationsSchema).Assembly, ".Operations.Migrations."));
        services.AddSingleton(sp => new OperatorAuditLog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
