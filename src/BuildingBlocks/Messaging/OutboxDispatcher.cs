using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Delivers one module's outbox. Rows are claimed with FOR UPDATE SKIP LOCKED inside a transaction that stays
// open while they are handed over, so several hosts share the work and a crash simply releases the claim.
internal sealed partial class OutboxDispatcher(
    ModuleDescriptor module,
    NpgsqlDataSource dataSource,
    MessageConsumer consumer,
    OutboxSignals signals,
    IOptionsMonitor<MessagingOptions> options,
    TimeProvider time,
    IEnumerable<IDeadLetterListener> deadLetterListeners,
    MigrationState migrations,
    DatabaseFailover failover,
    DispatcherStates dispatchers,
    MessagingMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Read on every use: MaxAttempts and the delays may be changed at run time (operations settings).
    private MessagingOptions _options => options.CurrentValue;

    internal string Module => module.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitUntilMigratedAsync(stoppingToken);
        using var running = dispatchers.Running(module.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DispatchBatchAsync(stoppingToken);
                if (delivered >= _options.BatchSize)
                {
                    continue;
                }

                await signals.WaitAsync(module.Schema, _options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (failover.Observe(ex))
            {
                LogDatabaseUnavailable(logger, module.Name, ex.GetBaseException().Message);
                await Task.Delay(_options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex, module.Name);
                await Task.Delay(_options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(connection, transaction, cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var groups = batch.GroupBy(e => e.Consumer)
            .SelectMany(g => g.Chunk(consumer.GroupSizeFor(g.Key)).Select(chunk => (Consumer: g.Key, Envelopes: chunk)))
            .ToList();
        var outcomes = new DeliveryOutcome[groups.Count][];
        await Parallel.ForAsync(0, groups.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _options.DeliveryConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await DeliverAsync(groups[i].Consumer, groups[i].Envelopes, ct));

        var all = outcomes.SelectMany(o => o).ToArray();
        await RecordOutcomesAsync(connection, transaction, all, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var outcome in all)
        {
            metrics.Outcome(outcome.Envelope, outcome.Error is null, outcome.DeadLettered);
        }

        await NotifyDeadLettersAsync(all, cancellationToken);
        return batch.Count;
    }

    private async Task<List<OutboxEnvelope>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT id, message_id, consumer, type, payload::text, attempts, correlation_id, trace_parent
            FROM {module.Schema}.outbox_messages
            WHERE dead_lettered_at IS NULL AND available_at <= $1
            ORDER BY available_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.BatchSize });
        var batch = new List<OutboxEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new OutboxEnvelope(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return batch;
    }

    private async Task<DeliveryOutcome[]> DeliverAsync(string consumerName, OutboxEnvelope[] envelopes, CancellationToken cancellationToken)
    {
        var errors = await consumer.HandleGroupAsync(consumerName, envelopes, cancellationToken);

        // The database went away (outage, failover) while handling: not the message's fault, so no attempt is spent.
        // Abandoning the batch rolls the claim back; the rows are delivered again once the database is back, and the
        // inboxes keep whatever did commit to one effect.
        if (errors.FirstOrDefault(e => e is not null && DatabaseFailures.IsUnavailable(e)) is { } unavailable)
        {
            ExceptionDispatchInfo.Throw(unavailable);
        }
        var outcomes = new DeliveryOutcome[envelopes.Length];
        for (var i = 0; i < envelopes.Length; i++)
        {
            if (errors[i] is not { } error)
            {
                outcomes[i] = new DeliveryOutcome(envelopes[i], null, DeadLettered: false);
                continue;
            }

            var attempts = envelopes[i].Attempts + 1;
            var deadLettered = attempts >= _options.MaxAttempts;
            LogDeliveryFailed(logger, error, envelopes[i].Type, envelopes[i].MessageId, envelopes[i].Consumer, attempts, _options.MaxAttempts);
            outcomes[i] = new DeliveryOutcome(envelopes[i], $"{error.GetType().Name}: {error.Message}", deadLettered);
        }

        return outcomes;
    }

    private async Task RecordOutcomesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DeliveryOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var delivered = outcomes.Where(o => o.Error is null).Select(o => o.Envelope.Id).ToArray();
        var batch = new NpgsqlBatch(connection, transaction);
        if (delivered.Length > 0)
        {
            var delete = new NpgsqlBatchCommand($"DELETE FROM {module.Schema}.outbox_messages WHERE id = ANY($1)");
            delete.Parameters.Add(new NpgsqlParameter { Value = delivered });
            batch.BatchCommands.Add(delete);
        }

        var now = time.GetUtcNow();
        foreach (var failed in outcomes.Where(o => o.Error is not null))
        {
            var attempts = failed.Envelope.Attempts + 1;
            var update = new NpgsqlBatchCommand(
                $"UPDATE {module.Schema}.outbox_messages SET attempts = $2, last_error = $3, available_at = $4, dead_lettered_at = $5 WHERE id = $1");
            update.Parameters.Add(new NpgsqlParameter { Value = failed.Envelope.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = attempts });
            update.Parameters.Add(new NpgsqlParameter { Value = failed.Error });
            update.Parameters.Add(new NpgsqlParameter { Value = now + RetryBackoff.Delay(attempts, _options.BaseRetryDelay, _options.MaxRetryDelay) });
            update.Parameters.Add(new NpgsqlParameter { Value = failed.DeadLettered ? now : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(update);
        }

        await using (batch)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task NotifyDeadLettersAsync(DeliveryOutcome[] outcomes, CancellationToken cancellationToken)
    {
        foreach (var dead in outcomes.Where(o => o.DeadLettered))
        {
            var notice = new DeadLetterNotice(dead.Envelope.Id, dead.Envelope.Consumer, dead.Envelope.Type, dead.Envelope.Payload, dead.Error!);
            foreach (var listener in deadLetterListeners)
            {
                try
                {
                    await listener.OnDeadLetteredAsync(notice, cancellationToken);
                }
                catch (Exception ex)
                {
                    LogListenerFailed(logger, ex, dead.Envelope.MessageId);
                }
            }
        }
    }

    private sealed record DeliveryOutcome(OutboxEnvelope Envelope, string? Error, bool DeadLettered);

    [LoggerMessage(LogLevel.Warning, "The database is unavailable (down, or switching to its standby: {Reason}); the {Module} outbox is delivered again after the poll interval.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string module, string reason);

    [LoggerMessage(LogLevel.Error, "Dispatching the {Module} outbox failed; retrying after the poll interval. Check that the database is reachable.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string module);

    [LoggerMessage(LogLevel.Warning, "Delivering {MessageType} {MessageId} to {Consumer} failed (attempt {Attempt} of {MaxAttempts}); it will be retried with backoff or dead-lettered.")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string messageType, Guid messageId, string consumer, int attempt, int maxAttempts);

    [LoggerMessage(LogLevel.Error, "A dead-letter listener failed for message {MessageId}; the dead letter is kept and can be replayed.")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, Guid messageId);
}
