using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Hands a claim's rows to their consumer and records each outcome (delete, retry with backoff, try again soon after a
// lock wait, dead letter), all in the claim's transaction, then commits it: one commit and one connection per delivery
// (ADR 0025).
internal sealed partial class ClaimDelivery(
    ModuleDescriptor module,
    MessageConsumer consumer,
    IOptionsMonitor<MessagingOptions> options,
    TimeProvider time,
    IEnumerable<IDeadLetterListener> deadLetterListeners,
    MessagingMetrics metrics,
    ILogger logger)
{
    // Read on every use: MaxAttempts and the delays may be changed at run time (operations settings).
    private MessagingOptions Options => options.CurrentValue;

    public async Task DeliverAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>(claim.Envelopes.Count);
        await using var transaction = new DeliveryTransaction(claim.Connection, claim.Transaction);
        foreach (var group in claim.Envelopes.GroupBy(e => e.Consumer))
        {
            foreach (var chunk in group.Chunk(consumer.GroupSizeFor(group.Key)))
            {
                outcomes.AddRange(await DeliverGroupAsync(group.Key, chunk, transaction, cancellationToken));
            }
        }

        await transaction.CommitAsync(Outcomes(outcomes), cancellationToken);
        foreach (var outcome in outcomes)
        {
            metrics.Outcome(outcome.Envelope, outcome.Error is null, outcome.DeadLettered);
        }

        await NotifyDeadLettersAsync(outcomes, cancellationToken);
    }

    private async Task<DeliveryOutcome[]> DeliverGroupAsync(string consumerName, OutboxEnvelope[] envelopes, DeliveryTransaction transaction,
        CancellationToken cancellationToken)
    {
        var errors = await consumer.HandleGroupAsync(consumerName, envelopes, transaction, cancellationToken);

        // The database went away (outage, failover) while handling: not the message's fault, so no attempt is spent.
        // Abandoning the claim rolls back everything of the delivery; the rows are delivered again once the database is
        // back.
        if (errors.FirstOrDefault(e => e is not null && DatabaseFailures.IsUnavailable(e)) is { } unavailable)
        {
            ExceptionDispatchInfo.Throw(unavailable);
        }

        var outcomes = new DeliveryOutcome[envelopes.Length];
        for (var i = 0; i < envelopes.Length; i++)
        {
            var envelope = envelopes[i];
            using var logScope = MessageLogScope.For(envelope);
            if (errors[i] is not { } error)
            {
                outcomes[i] = new DeliveryOutcome(envelope, null, DeadLettered: false);
            }
            else if (LockContention.Caused(error))
            {
                LogLockWait(logger, envelope.Type, envelope.MessageId, envelope.OrderId, envelope.Consumer, Options.LockTimeout.TotalMilliseconds);
                var why = error is RowsBusyException
                    ? error.Message
                    : $"Waited longer than Messaging:LockTimeout ({Options.LockTimeout.TotalMilliseconds} ms) for a row lock another transaction holds "
                        + $"({error.GetBaseException().Message}).";
                outcomes[i] = new DeliveryOutcome(envelope, why + " Tried again soon, not counted as an attempt.", DeadLettered: false, Deferred: true);
            }
            else
            {
                var attempts = envelope.Attempts + 1;
                var cause = $"{error.GetType().Name}: {error.Message}";
                // The stack trace is logged once, with the dead letter; an attempt that will be retried says what failed.
                if (attempts >= Options.MaxAttempts)
                {
                    LogDeadLettered(logger, error, envelope.Type, envelope.MessageId, envelope.OrderId, envelope.Consumer, attempts);
                }
                else
                {
                    LogDeliveryFailed(logger, envelope.Type, envelope.MessageId, envelope.OrderId, envelope.Consumer, attempts, Options.MaxAttempts, cause.TrimEnd('.', ' '));
                }

                outcomes[i] = new DeliveryOutcome(envelope, cause, attempts >= Options.MaxAttempts);
            }
        }

        return outcomes;
    }

    // The claim's outcome: delivered rows deleted, the others rescheduled or dead-lettered.
    private List<NpgsqlBatchCommand> Outcomes(List<DeliveryOutcome> outcomes)
    {
        var statements = new List<NpgsqlBatchCommand>();
        var delivered = outcomes.Where(o => o.Error is null).Select(o => o.Envelope.Id).ToArray();
        if (delivered.Length > 0)
        {
            var delete = new NpgsqlBatchCommand($"DELETE FROM {module.Schema}.outbox_messages WHERE id = ANY($1)");
            delete.Parameters.Add(new NpgsqlParameter { Value = delivered });
            statements.Add(delete);
        }

        var now = time.GetUtcNow();
        foreach (var failed in outcomes.Where(o => o.Error is not null))
        {
            var update = new NpgsqlBatchCommand(
                $"UPDATE {module.Schema}.outbox_messages SET attempts = $2, last_error = $3, available_at = $4, dead_lettered_at = $5, " +
                $"due_since = CASE WHEN $6 THEN {OutboxDue.Since} END WHERE id = $1");
            update.Parameters.Add(new NpgsqlParameter { Value = failed.Envelope.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = failed.AttemptsAfter });
            update.Parameters.Add(new NpgsqlParameter { Value = failed.Error });
            update.Parameters.Add(new NpgsqlParameter { Value = now + RetryBackoff.Delay(Math.Max(failed.AttemptsAfter, 1), Options.BaseRetryDelay, Options.MaxRetryDelay) });
            update.Parameters.Add(new NpgsqlParameter { Value = failed.DeadLettered ? now : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            // A lock-wait deferral keeps the time the message first became due (OutboxDue); a retry backoff reschedules it.
            update.Parameters.Add(new NpgsqlParameter { Value = failed.Deferred });
            statements.Add(update);
        }

        return statements;
    }

    private async Task NotifyDeadLettersAsync(List<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        foreach (var dead in outcomes.Where(o => o.DeadLettered))
        {
            using var logScope = MessageLogScope.For(dead.Envelope);
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

    [LoggerMessage(LogLevel.Warning, "Delivering {MessageType} {MessageId} of order {OrderId} to {Consumer} failed (attempt {Attempt} of {MaxAttempts}): {Cause}. It will be retried with backoff, and dead-lettered after the last attempt.")]
    private static partial void LogDeliveryFailed(ILogger logger, string messageType, Guid messageId, string orderId, string consumer, int attempt, int maxAttempts, string cause);

    [LoggerMessage(LogLevel.Error, "Delivering {MessageType} {MessageId} of order {OrderId} to {Consumer} failed on its last attempt ({Attempt}) and is dead-lettered: nothing retries it now. Fix the cause, then replay it with a reason (the console's Dead letters page lists it, as does GET /api/v1/ops/dead-letters).")]
    private static partial void LogDeadLettered(ILogger logger, Exception exception, string messageType, Guid messageId, string orderId, string consumer, int attempt);

    [LoggerMessage(LogLevel.Information, "Delivering {MessageType} {MessageId} of order {OrderId} to {Consumer} met a row lock another transaction holds (skipped, or waited longer than {LockTimeoutMs} ms); it is tried again soon without counting an attempt. A lock held for long points at a stuck session (see pg_locks).")]
    private static partial void LogLockWait(ILogger logger, string messageType, Guid messageId, string orderId, string consumer, double lockTimeoutMs);

    [LoggerMessage(LogLevel.Error, "A dead-letter listener failed for message {MessageId}; the dead letter is kept and can be replayed.")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, Guid messageId);
}
