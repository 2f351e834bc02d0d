using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Hands deliveries to their consuming module. The inbox rows, the handlers and their changes commit together, so a
// redelivered message has no second effect. Several messages for one module share a transaction (one commit for the
// group); if any of them fails, the group is undone and its messages are taken one per transaction, so only the
// failing one is retried.
internal sealed class MessageConsumer(
    IServiceScopeFactory scopes,
    MessageRouting routing,
    MessageTypeMap types,
    IEnumerable<ModuleDescriptor> modules,
    IEnumerable<MessageGroupLocksRegistration> groupLocks,
    IOptions<MessagingOptions> options)
{
    private readonly Dictionary<string, ModuleDescriptor> _modules = modules.ToDictionary(m => m.Name);
    private readonly Dictionary<string, Type> _groupLocks = groupLocks.ToDictionary(l => l.Consumer, l => l.LocksType);

    // Schema names come from module registrations, never from input.
    private readonly Dictionary<string, string> _inboxInserts = modules.ToDictionary(m => m.Name,
        m => "INSERT INTO " + m.Schema + ".inbox_messages (message_id, consumer, handled_at) SELECT unnest($1), $2, $3 "
            + "ON CONFLICT DO NOTHING RETURNING message_id");

    // Every statement of a delivery, the inbox's included, waits at most this long for a lock (LockContention).
    private readonly string _lockTimeout = LockTimeoutSetting(options.Value.LockTimeout);

    // After a group was undone by a lock wait (it has waited LockTimeout once), its messages are taken one at a time only
    // to separate those that meet the lock from those that do not: each waits this long at most, so the claim ends within
    // about LockTimeout instead of LockTimeout once more per message that meets the lock (ADR 0014).
    private readonly string _separatingLockTimeout = LockTimeoutSetting(TimeSpan.FromMilliseconds(Math.Min(100, options.Value.LockTimeout.TotalMilliseconds)));

    // How many deliveries for this consumer may share a transaction.
    public int GroupSizeFor(string consumer) =>
        _modules.TryGetValue(consumer, out var module) && module.Delivery == MessageDelivery.OneByOne
            ? 1
            : Math.Max(1, options.Value.ConsumerGroupSize);

    public async Task HandleAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        var errors = await HandleGroupAsync(envelope.Consumer, [envelope], cancellationToken);
        if (errors[0] is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    // All envelopes must have the same consumer. Returns, per envelope, the exception that failed it (or null).
    public async Task<Exception?[]> HandleGroupAsync(string consumer, IReadOnlyList<OutboxEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var errors = new Exception?[envelopes.Count];
        var previousCorrelation = CorrelationContext.Current;
        try
        {
            if (!_modules.TryGetValue(consumer, out var module))
            {
                await InvokeWithoutInboxAsync(envelopes, errors, cancellationToken);
                return errors;
            }

            var lockTimeout = _lockTimeout;
            if (envelopes.Count > 1)
            {
                try
                {
                    foreach (var busy in await HandleInOneTransactionAsync(module, envelopes, _lockTimeout, cancellationToken))
                    {
                        errors[busy] = new RowsBusyException(consumer);
                    }

                    return errors;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Nothing of the group happened; find the message that failed by taking them one at a time.
                    if (LockContention.Caused(ex))
                    {
                        lockTimeout = _separatingLockTimeout;
                    }
                }
            }

            for (var i = 0; i < envelopes.Count; i++)
            {
                try
                {
                    await HandleInOneTransactionAsync(module, [envelopes[i]], lockTimeout, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    errors[i] = ex;
                }
            }

            return errors;
        }
        finally
        {
            CorrelationContext.Current = previousCorrelation;
        }
    }

    // Returns the indexes of the envelopes left out because another transaction holds rows they need (IMessageGroupLocks).
    private async Task<IReadOnlySet<int>> HandleInOneTransactionAsync(ModuleDescriptor module, IReadOnlyList<OutboxEnvelope> envelopes,
        string lockTimeout, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        IReadOnlySet<int> busy = new HashSet<int>();
        if (envelopes.Count > 1 && _groupLocks.TryGetValue(module.Name, out var locksType))
        {
            // Before the inbox: a message left out must not be recorded as handled.
            var messages = envelopes.Select(TryDeserialize).ToList();
            busy = await ((IMessageGroupLocks)scope.ServiceProvider.GetRequiredService(locksType)).LockAsync(messages, cancellationToken);
            envelopes = envelopes.Where((_, i) => !busy.Contains(i)).ToList();
        }

        var firstDeliveries = envelopes.Count == 0 ? [] : await RecordInInboxAsync(context, transaction, module, envelopes, lockTimeout, cancellationToken);
        context.DeferWithdrawals = true;
        foreach (var envelope in envelopes)
        {
            // Remove: a message that appears twice in one group still takes effect once.
            if (!firstDeliveries.Remove(envelope.MessageId))
            {
                continue;
            }

            CorrelationContext.Current = envelope.CorrelationId ?? CorrelationContext.NewId();
            using var activity = MessagingTelemetry.StartProcess(envelope);
            try
            {
                var (subscription, message) = Resolve(envelope);
                await subscription.Invoke(scope.ServiceProvider, message, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                MessagingTelemetry.Failed(activity, ex);
                throw;
            }

            // Flushed: the next message starts with an empty change tracker, so SaveChanges stays cheap.
            context.ChangeTracker.Clear();
        }

        await context.WithdrawCancelledAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.OnCommitted();
        return busy;
    }

    // Returns the ids of the messages this consumer had not handled before.
    private async Task<HashSet<Guid>> RecordInInboxAsync(ModuleDbContext context, IDbContextTransaction transaction, ModuleDescriptor module,
        IReadOnlyList<OutboxEnvelope> envelopes, string lockTimeout, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        var setLockTimeout = new NpgsqlBatchCommand("SELECT set_config('lock_timeout', $1, true)");
        setLockTimeout.Parameters.Add(new NpgsqlParameter { Value = lockTimeout });
        batch.BatchCommands.Add(setLockTimeout);
        var insert = new NpgsqlBatchCommand(_inboxInserts[module.Name]);
        insert.Parameters.Add(new NpgsqlParameter { Value = envelopes.Select(e => e.MessageId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = module.Name });
        insert.Parameters.Add(new NpgsqlParameter { Value = context.Time.GetUtcNow() });
        batch.BatchCommands.Add(insert);
        var firstDeliveries = new HashSet<Guid>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            firstDeliveries.Add(reader.GetGuid(0));
        }

        return firstDeliveries;
    }

    private static string LockTimeoutSetting(TimeSpan wait) =>
        ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms";

    // A test double standing in for another module's contract: no database of its own, so no inbox.
    private async Task InvokeWithoutInboxAsync(IReadOnlyList<OutboxEnvelope> envelopes, Exception?[] errors, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        for (var i = 0; i < envelopes.Count; i++)
        {
            CorrelationContext.Current = envelopes[i].CorrelationId ?? CorrelationContext.NewId();
            using var activity = MessagingTelemetry.StartProcess(envelopes[i]);
            try
            {
                var (subscription, message) = Resolve(envelopes[i]);
                await subscription.Invoke(scope.ServiceProvider, message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                MessagingTelemetry.Failed(activity, ex);
                errors[i] = ex;
            }
        }
    }

    // For the group's locks only: a message that cannot be read fails in its own handling pass, where it is reported.
    private object? TryDeserialize(OutboxEnvelope envelope)
    {
        try
        {
            return JsonSerializer.Deserialize(envelope.Payload, types.TypeOf(envelope.Type), MessageSerializer.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            return null;
        }
    }

    private (MessageSubscription Subscription, object Message) Resolve(OutboxEnvelope envelope)
    {
        var type = types.TypeOf(envelope.Type);
        var message = JsonSerializer.Deserialize(envelope.Payload, type, MessageSerializer.Options)
            ?? throw new InvalidOperationException($"Message {envelope.MessageId} has an empty payload.");
        return (routing.SubscriptionFor(type, envelope.Consumer), message);
    }
}
