using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Migrations;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Given_a_migrated_module_When_the_journal_is_read_Then_it_lists_the_shared_scripts_and_the_modules_own()
    {
        await using var host = await TestModuleHost.StartAsync();

        var journal = await TestModuleDatabase.JournalAsync(TestModuleDbContext.SchemaName);

        journal.Select(j => j.Version).ShouldBe(["0000_history", "0000_messaging", "0001_history_transaction", "0001_initial", "0002_history_trace_id", "0003_outbox_consumer_lanes", "0004_outbox_due_since"]);
    }

    [Fact]
    public async Task Given_a_migrated_module_When_migrations_are_applied_again_Then_the_journal_is_unchanged()
    {
        await using var host = await TestModuleHost.StartAsync();
        var before = await TestModuleDatabase.JournalAsync(TestModuleDbContext.SchemaName);

        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        (await TestModuleDatabase.JournalAsync(TestModuleDbContext.SchemaName)).ShouldBe(before);
    }

    [Fact]
    public async Task Given_an_empty_schema_When_four_migrators_run_at_once_Then_each_script_is_applied_once()
    {
        const string schema = "bbtest_race";
        await TestModuleDatabase.ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        var module = new ModuleDescriptor("BbRace", schema, typeof(TestModuleDbContext).Assembly, typeof(TestModuleDbContext));
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var migrators = dataSources.Select(ds => new SchemaMigrator(ds, [module], [], NullLogger<SchemaMigrator>.Instance));

            await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

            (await TestModuleDatabase.JournalAsync(schema)).Select(j => j.Version).ShouldBe(["0000_history", "0000_messaging", "0001_history_transaction", "0001_initial", "0002_history_trace_id", "0003_outbox_consumer_lanes", "0004_outbox_due_since"]);
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Given_a_migrated_schema_with_data_When_migrations_are_applied_again_Then_the_data_is_kept()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"kept-{Guid.NewGuid()}";
        await TestModuleDatabase.ExecuteAsync($"INSERT INTO bbtest.notes (id, text) VALUES ('{Guid.NewGuid()}', '{text}')");

        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
    }
}
