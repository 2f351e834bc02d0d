using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Hands deliveries to their consuming module. For each message the inbox row, the handler and the handler's
// changes commit together, so a redelivered message has no second effect. Several messages for one module
// share a transaction (one commit for the group), each inside its own savepoint so one failure undoes only itself.
internal sealed class MessageConsumer(
    IServiceScopeFactory scopes,
    MessageRouting routing,
    MessageTypeMap types,
    IEnumerable<ModuleDescriptor> modules)
{
    private const string Savepoint = "delivery";
    private readonly Dictionary<string, ModuleDescriptor> _modules = modules.ToDictionary(m => m.Name);

    // Schema names come from module registrations, never from input.
    private readonly Dictionary<string, string> _inboxInserts = modules.ToDictionary(m => m.Name,
        m => "INSERT INTO " + m.Schema + ".inbox_messages (message_id, consumer, handled_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING");

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
            await using var scope = scopes.CreateAsyncScope();
            if (!_modules.TryGetValue(consumer, out var module))
            {
                await InvokeWithoutInboxAsync(scope.ServiceProvider, envelopes, errors, cancellationToken);
                return errors;
            }

            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            context.Database.AutoSavepointsEnabled = false;
            try
            {
                await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
                for (var i = 0; i < envelopes.Count; i++)
                {
                    await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
                    try
                    {
                        await HandleOneAsync(scope.ServiceProvider, context, module, envelopes[i], cancellationToken);
                        await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
                        errors[i] = ex;
                    }

                    // Each message's changes were flushed by its SaveChanges (or undone): start the next one clean.
                    context.ForgetPendingWork();
                }

                await transaction.CommitAsync(cancellationToken);
                context.WakeDispatcherIfNeeded();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The group's transaction itself failed (connection lost, commit refused): nothing of it happened.
                Array.Fill(errors, ex);
            }

            return errors;
        }
        finally
        {
            CorrelationContext.Current = previousCorrelation;
        }
    }

    private async Task HandleOneAsync(IServiceProvider services, ModuleDbContext context, ModuleDescriptor module, OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        CorrelationContext.Current = envelope.CorrelationId ?? CorrelationContext.NewId();
        var firstDelivery = await context.Database.ExecuteSqlRawAsync(
            _inboxInserts[module.Name], [envelope.MessageId, envelope.Consumer, context.Time.GetUtcNow()], cancellationToken);
        if (firstDelivery == 0)
        {
            return;
        }

        var (subscription, message) = Resolve(envelope);
        await subscription.Invoke(services, message, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
    }

    // A test double standing in for another module's contract: no database of its own, so no inbox.
    private async Task InvokeWithoutInboxAsync(IServiceProvider services, IReadOnlyList<OutboxEnvelope> envelopes, Exception?[] errors, CancellationToken cancellationToken)
    {
        for (var i = 0; i < envelopes.Count; i++)
        {
            try
            {
                CorrelationContext.Current = envelopes[i].CorrelationId ?? CorrelationContext.NewId();
                var (subscription, message) = Resolve(envelopes[i]);
                await subscription.Invoke(services, message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                errors[i] = ex;
            }
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
