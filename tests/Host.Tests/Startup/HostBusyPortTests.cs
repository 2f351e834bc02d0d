using Npgsql;
using OrderManagement.Host.Tests.Scripts;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Startup;

// The real host process (Kestrel, not the test server) on a port someone else holds.
public sealed class HostBusyPortTests
{
    [Fact]
    public async Task Given_the_HTTP_port_is_taken_When_the_host_starts_Then_it_exits_with_one_line_naming_ASPNETCORE_URLS_and_no_stack_trace()
    {
        using var taken = RunScript.Occupy();
        var database = await ScratchDatabaseAsync();

        var (exitCode, output) = await RunScript.RunAsync("dotnet", ["OrderManagement.Host.dll"], AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{taken.Port()}",
            ["ConnectionStrings__OrderManagement"] = database,
        });

        exitCode.ShouldBe(1, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => l.Contains("address already in use", StringComparison.Ordinal)).ShouldHaveSingleItem(output)
            .ShouldContain($"FTL] Cannot start: Failed to bind to address http://127.0.0.1:{taken.Port()}: address already in use. Stop the program that holds the port, or set ASPNETCORE_URLS");
        lines.ShouldNotContain(l => l.Contains("Kestrel", StringComparison.Ordinal) || l.Contains("Hosting failed to start", StringComparison.Ordinal), output);
        output.ShouldNotContain("Unhandled exception");
    }

    // A database of its own: the host migrates it before it binds, and must not touch the other tests' data.
    private static async Task<string> ScratchDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync()) { Database = "postgres" }.ConnectionString;
        const string name = "om_host_tests_busy_port";
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
