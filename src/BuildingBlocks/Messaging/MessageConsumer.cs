using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Hands deliveries to their consuming module, in the delivery's transaction (ADR 0025). The inbox rows, the handlers and
// their changes commit together, so a redelivered message has no second effect. Several messages for one module share
// a savepoint; if any of them fails, the group is undone to it and its messages are taken one per savepoint, so only
// the failing one is retried.
internal sealed class MessageConsumer(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    MessageRouting routing,
    MessageTypeMap types,
    IEnumerable<ModuleDescriptor> modules,
    IEnumerable<MessageGroupLocksRegistration> groupLocks,
    IOptions<MessagingOptions> options,
    TimeProvider time)
{
    private readonly Dictionary<string, ModuleDescriptor> _modules = modules.ToDictionary(m => m.Name);
    private readonly Dictionary<string, Type> _groupLocks = groupLocks.ToDictionary(l => l.Consumer, l => l.LocksType);

    private readonly AttemptStatements _statements = new(modules);

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

    // In a transaction of its own (tests, and a delivery without a claim). All envelopes must have the same consumer.
    // Returns, per envelope, the exception that failed it (or null).
    public async Task<Exception?[]> HandleGroupAsync(string consumer, IReadOnlyList<OutboxEnvelope> envelopes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delivery = new DeliveryTransaction(connection, transaction);
        var errors = await HandleGroupAsync(consumer, envelopes, delivery, cancellationToken);
        await delivery.CommitAsync([], cancellationToken);
        return errors;
    }

    // In the delivery's transaction, which the caller commits. All envelopes must have the same consumer. Returns, per
    // envelope, the exception that failed it (or null); throws when the transaction itself is lost.
    public async Task<Exception?[]> HandleGroupAsync(string consumer, IReadOnlyList<OutboxEnvelope> envelopes, DeliveryTransaction delivery,
        CancellationToken cancellationToken)
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
                    foreach (var busy in await HandleUnderSavepointAsync(module, envelopes, _lockTimeout, delivery, cancellationToken))
                    {
                        errors[busy] = new RowsBusyException(consumer);
                    }

                    return errors;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !delivery.Lost)
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
                    await HandleUnderSavepointAsync(module, [envelopes[i]], lockTimeout, delivery, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !delivery.Lost)
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
    // On failure everything it did is undone to its savepoint, and the exception is rethrown.
    private async Task<IReadOnlySet<int>> HandleUnderSavepointAsync(ModuleDescriptor module, IReadOnlyList<OutboxEnvelope> envelopes,
        string lockTimeout, DeliveryTransaction delivery, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        string? savepoint = null;
        try
        {
            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            var pending = scope.ServiceProvider.GetRequiredKeyedService<PendingWork>(module.DbContextType);
            context.Database.SetDbConnection(delivery.Connection);
            await context.Database.UseTransactionAsync(delivery.Transaction, cancellationToken);
            IReadOnlySet<int> busy = new HashSet<int>();
            if (envelopes.Count > 1 && _groupLocks.TryGetValue(module.Name, out var locksType))
            {
                // Before the inbox: a message left out must not be recorded as handled.
                savepoint = delivery.NextSavepoint();
                await _statements.BeginAsync(delivery, savepoint, lockTimeout, cancellationToken);
                var messages = envelopes.Select(e => new GroupMessage(TryDeserialize(e), e.AboutOrder)).ToList();
                busy = await ((IMessageGroupLocks)scope.ServiceProvider.GetRequiredService(locksType)).LockAsync(messages, cancellationToken);
                envelopes = envelopes.Where((_, i) => !busy.Contains(i)).ToList();
            }

            HashSet<Guid> firstDeliveries = [];
            if (envelopes.Count > 0)
            {
                var begin = savepoint is null;
                savepoint ??= delivery.NextSavepoint();
                firstDeliveries = await _statements.RecordInInboxAsync(delivery, module, envelopes, begin ? savepoint : null, lockTimeout, time, cancellationToken);
            }

            pending.DeferWithdrawals = true;
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

            // Its withdrawals (PendingWork) go out with the delivery's closing statements.
            delivery.Stands(scope, context, pending);
            return busy;
        }
        catch
        {
            await scope.DisposeAsync();
            if (savepoint is not null)
            {
                await delivery.RollbackToAsync(savepoint, cancellationToken);
            }

            throw;
        }
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
