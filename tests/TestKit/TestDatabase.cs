using System.Collections.Concurrent;
using Npgsql;

namespace OrderManagement.TestKit;

// One database per test project (named after its assembly), so projects running in parallel never share tables.
public static class TestDatabase
{
    public const string ServerVariable = "ORDERMANAGEMENT_TEST_PG";
    private const int AdminTimeoutSeconds = 300;
    private static readonly Lazy<Task<string>> Created = new(() => CreateAsync(DatabaseNameFor()));
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Private = new(StringComparer.Ordinal);

    public static Task<string> ConnectionStringAsync() => Created.Value;

    // A database of its own for a test whose load or locks must not reach the project's shared database (created
    // once per purpose and run; purpose: lower-case letters and digits).
    public static Task<string> ConnectionStringAsync(string purpose) =>
        Private.GetOrAdd(purpose, p => new Lazy<Task<string>>(() => CreateAsync(DatabaseNameFor() + "_" + p))).Value;

    private static async Task<string> CreateAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with build/test.sh, or point it at a PostgreSQL server.");

        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            // Creating a database copies the template and checkpoints: on a busy machine that takes longer than the
            // 30 s default command timeout.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin) { CommandTimeout = AdminTimeoutSeconds };
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin) { CommandTimeout = AdminTimeoutSeconds };
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    // The test assembly is the one that referenced the kit and is not the test runner.
    private static string DatabaseNameFor()
    {
        var testAssembly = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name ?? "")
            .FirstOrDefault(n => n.StartsWith("OrderManagement.", StringComparison.Ordinal) && n.EndsWith(".Tests", StringComparison.Ordinal))
            ?? "tests";
        return "om_" + testAssembly.Replace("OrderManagement.", "", StringComparison.Ordinal).Replace('.', '_').ToLowerInvariant();
    }
}
