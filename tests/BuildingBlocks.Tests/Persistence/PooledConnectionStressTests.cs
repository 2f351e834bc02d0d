using Npgsql;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Persistence;

// Issue 9 fault 12: "Received unexpected backend message DataRow" during a burst, the sign of a pooled connection whose
// protocol state was broken and then reused. The host's pool skips DISCARD ALL on reuse and auto-prepares statements
// (BuildingBlocksRegistration.DataSource), so a command cancelled while rows stream in, a batch that fails halfway and
// a lock wait refused by lock_timeout must each leave the connection either clean or discarded. Workers do all three at
// once on that same pool, and after each one a reused connection must answer exact results.
public sealed class PooledConnectionStressTests
{
    private const int Workers = 8;
    private const int RoundsPerWorker = 60;

    [Fact]
    public async Task Given_commands_cancelled_failed_and_timed_out_mid_flight_When_their_connections_are_reused_Then_every_answer_is_exact()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync("poolstress");
        await using var dataSource = BuildingBlocksRegistration.DataSource(connectionString);
        await using (var setup = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS pool_stress (id int PRIMARY KEY, n int NOT NULL); INSERT INTO pool_stress VALUES (1, 0) ON CONFLICT DO NOTHING"))
        {
            await setup.ExecuteNonQueryAsync();
        }

        // A row lock held for the whole run, so the lock waits below always hit lock_timeout.
        await using var holder = await dataSource.OpenConnectionAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT n FROM pool_stress WHERE id = 1 FOR UPDATE", holder, held))
        {
            await hold.ExecuteScalarAsync();
        }

        var faulted = new int[3];
        var failures = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(dataSource, worker, faulted))));

        failures.SelectMany(f => f).ShouldBeEmpty();
        // Each fault really happened (a stress test whose faults never fire proves nothing).
        faulted.ShouldAllBe(count => count > 0, $"cancelled, failed halfway, timed out: {string.Join(", ", faulted)}");
    }

    private static async Task<List<string>> WorkAsync(NpgsqlDataSource dataSource, int worker, int[] faulted)
    {
        var failures = new List<string>();
        var random = new Random(worker);
        for (var round = 0; round < RoundsPerWorker; round++)
        {
            var fault = (round + worker) % 3;
            try
            {
                await (fault switch
                {
                    0 => CancelWhileRowsStreamAsync(dataSource, random.Next(0, 4)),
                    1 => FailHalfwayThroughBatchAsync(dataSource),
                    _ => WaitPastLockTimeoutAsync(dataSource),
                });
            }
            catch (Exception ex) when (IsExpected(ex))
            {
                Interlocked.Increment(ref faulted[fault]);
            }
            catch (Exception ex)
            {
                failures.Add($"worker {worker} round {round} fault {fault}: {ex.GetType().Name}: {ex.Message}");
            }

            try
            {
                var expected = worker * 1000 + round;
                await using var check = dataSource.CreateCommand("SELECT $1::int + 1, (SELECT count(*) FROM generate_series(1, 500))");
                check.Parameters.Add(new NpgsqlParameter { Value = expected });
                await using var reader = await check.ExecuteReaderAsync();
                (await reader.ReadAsync()).ShouldBeTrue();
                if (reader.GetInt32(0) != expected + 1 || reader.GetInt64(1) != 500 || await reader.ReadAsync())
                {
                    failures.Add($"worker {worker} round {round}: a reused connection answered {reader.GetInt32(0)}, {reader.GetInt64(1)}");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"worker {worker} round {round} check after fault {fault}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return failures;
    }

    // Cancelled by the token after a few ms, while DataRow messages are still arriving.
    private static async Task CancelWhileRowsStreamAsync(NpgsqlDataSource dataSource, int afterMs)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(afterMs));
        await using var command = dataSource.CreateCommand("SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g");
        await using var reader = await command.ExecuteReaderAsync(cancel.Token);
        while (await reader.ReadAsync(cancel.Token))
        {
        }
    }

    // An auto-prepared batch whose second statement fails after the first returned rows.
    private static async Task FailHalfwayThroughBatchAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT g FROM generate_series(1, 50) g"),
                new NpgsqlBatchCommand("SELECT 1 / (g - 25) FROM generate_series(1, 50) g"),
                new NpgsqlBatchCommand("SELECT 3"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
            }
        }
        while (await reader.NextResultAsync());
    }

    // A delivery's lock wait: lock_timeout set in the transaction, the row held elsewhere (55P03).
    private static async Task WaitPastLockTimeoutAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('lock_timeout', '20ms', true)"),
                new NpgsqlBatchCommand("UPDATE pool_stress SET n = n + 1 WHERE id = 1"),
            },
        };
        await batch.ExecuteNonQueryAsync();
    }

    private static bool IsExpected(Exception ex) =>
        !ex.Message.Contains("backend message", StringComparison.Ordinal) && ex switch
        {
            OperationCanceledException => true,
            PostgresException { SqlState: PostgresErrorCodes.DivisionByZero or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled } => true,
            NpgsqlException { InnerException: OperationCanceledException or TimeoutException } => true,
            _ => false,
        };
}
