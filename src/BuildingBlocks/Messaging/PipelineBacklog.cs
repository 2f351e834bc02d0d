using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// How far behind the message pipeline is, all modules and hosts together, on the database's clock: in the outbox that
// is furthest behind, how long its QueueDepth-th oldest due message has been due. A queue that long means a new order
// waits behind it; a few messages held up on their own (a locked row, a slow handler) do not make a queue, so one slow
// thing does not close admission for every order (issue 17). Scheduled rows count from their time; dead letters wait
// for an operator and do not count. Sampled by PipelineBacklogSampler; requests read the last sample.
internal sealed class PipelineBacklog
{
    internal const int QueueDepth = 32;

    private long _ageTicks;

    // Zero until the first sample, and while the database cannot be asked (its own checks answer for that).
    public TimeSpan Age => TimeSpan.FromTicks(Interlocked.Read(ref _ageTicks));

    internal void Record(TimeSpan age) => Interlocked.Exchange(ref _ageTicks, age.Ticks);

    // Schema names come from module registrations, never from input. Each branch reads at most QueueDepth entries of
    // the outbox's pending index.
    internal static string Sql(IEnumerable<ModuleDescriptor> modules) =>
        "SELECT COALESCE(GREATEST(now() - min(queued_since), interval '0'), interval '0') FROM ("
        + string.Join(" UNION ALL ", modules.Select(m =>
            $"(SELECT available_at AS queued_since FROM {m.Schema}.outbox_messages WHERE dead_lettered_at IS NULL AND available_at <= now() "
            + $"ORDER BY available_at OFFSET {QueueDepth - 1} LIMIT 1)"))
        + ") queues";

    internal static async Task<TimeSpan> MeasureAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync(cancellationToken) is TimeSpan age ? age : TimeSpan.Zero;
    }
}
