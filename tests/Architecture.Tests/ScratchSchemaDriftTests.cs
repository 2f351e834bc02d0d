using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Schema;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Architecture.Tests;

// Proves the database side of the comparison sees drift: the real migrator builds Payments' tables in a scratch
// schema, which is then altered behind the model's back.
public sealed class ScratchSchemaDriftTests
{
    private const string Scratch = "drift_scratch";

    [Fact]
    public async Task Given_a_migrated_schema_altered_behind_the_models_back_When_comparing_Then_every_alteration_is_reported()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var payments = SolutionModules.Get("Payments");
        var contextType = ModuleDbContextModel.TypesIn(payments.Implementation).Single();
        using var host = await MigratingHost.StartAsync(connectionString, (services, configuration) =>
            AddModule(services.AddBuildingBlocks(configuration), contextType, "DriftScratch", Scratch));
        var model = ModuleDbContextModel.In(payments.Implementation, host.Services).Single();
        var expected = ModelSchema.TablesOf(model.Model).Select(t => t with { Schema = Scratch }).ToList();
        var faithful = SchemaDrift.Compare(expected, await DatabaseSchema.TablesOfAsync(connectionString, Scratch));

        await ExecuteAsync(connectionString, $"""
            ALTER TABLE {Scratch}.payments ADD COLUMN refund_note text NULL;
            ALTER TABLE {Scratch}.payments ALTER COLUMN currency DROP NOT NULL;
            ALTER TABLE {Scratch}.payments ALTER COLUMN amount TYPE numeric(16,2);
            DROP INDEX {Scratch}.ux_payments_order;
            CREATE UNIQUE INDEX ux_payments_token ON {Scratch}.payments (token);
            CREATE TABLE {Scratch}.chargebacks (id uuid PRIMARY KEY);
            """);
        var altered = SchemaDrift.Compare(expected, await DatabaseSchema.TablesOfAsync(connectionString, Scratch));
        await host.StopAsync();

        faithful.ShouldBeEmpty();
        altered.ShouldBe(
        [
            $"{Scratch}.payments.amount: the model's type is numeric(14,2), the database's is numeric(16,2)",
            $"{Scratch}.payments.currency: the model says NOT NULL, the database says NULL",
            $"{Scratch}.payments.refund_note: the database has this column, the model does not map it",
            $"{Scratch}.payments: the model declares unique index ux_payments_order (order_id), the database has no such index",
            $"{Scratch}.payments: the database has unique index ux_payments_token (token), the model does not declare it",
            $"{Scratch}.chargebacks: the database has this table, no entity maps it",
        ], ignoreOrder: true);
    }

    // AddModule<TContext> with a context type that is internal to its module.
    private static void AddModule(IServiceCollection services, Type contextType, string name, string schema) =>
        typeof(BuildingBlocksRegistration).GetMethod(nameof(BuildingBlocksRegistration.AddModule), BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(contextType)
            .Invoke(null, [services, name, schema, MessageDelivery.Grouped]);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
