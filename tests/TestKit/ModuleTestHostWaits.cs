using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.TestKit;

// Waits on what a module publishes: a message reaching a recorder, or every outbox row being delivered.
public static class ModuleTestHostWaits
{
    // Returns the recorded messages of type T that match, once there are at least `count` of them.
    public static Task<IReadOnlyList<T>> UntilReceivedAsync<T>(this ModuleTestHost host, Func<T, bool> match, int count = 1, TimeSpan? timeout = null) =>
        Poller.UntilAsync(
            () => Task.FromResult<IReadOnlyList<T>>(host.Recorder.Received<T>().Where(match).ToList()),
            received => received.Count >= count,
            $"{count} x {typeof(T).Name}",
            timeout);

    // Once no outbox row is waiting (due or scheduled, dead letters aside), every message the module will publish
    // for what happened so far has reached its consumer: the point to assert that something was NOT published,
    // and to reset the database without a delivery still in flight.
    public static Task UntilOutboxesDrainedAsync(this ModuleTestHost host, TimeSpan? timeout = null)
    {
        var schemas = host.Services.GetServices<ModuleDescriptor>().Select(m => m.Schema).Distinct().ToList();
        var sql = "SELECT " + string.Join(" + ", schemas.Select(s => $"(SELECT count(*) FROM {s}.outbox_messages WHERE dead_lettered_at IS NULL)"));
        return Poller.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(host.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                return (long)(await command.ExecuteScalarAsync())!;
            },
            pending => pending == 0,
            "the outboxes to drain",
            timeout);
    }
}
