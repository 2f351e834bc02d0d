using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Hands one delivery to its consuming module: inbox row, handler and the handler's changes commit together,
// so a redelivered message has no second effect.
internal sealed class MessageConsumer(
    IServiceScopeFactory scopes,
    MessageRouting routing,
    MessageTypeMap types,
    IEnumerable<ModuleDescriptor> modules)
{
    private readonly Dictionary<string, ModuleDescriptor> _modules = modules.ToDictionary(m => m.Name);

    // Schema names come from module registrations, never from input.
    private readonly Dictionary<string, string> _inboxInserts = modules.ToDictionary(m => m.Name,
        m => "INSERT INTO " + m.Schema + ".inbox_messages (message_id, consumer, handled_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING");

    public async Task HandleAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        var type = types.TypeOf(envelope.Type);
        var message = JsonSerializer.Deserialize(envelope.Payload, type, MessageSerializer.Options)
            ?? throw new InvalidOperationException($"Message {envelope.MessageId} has an empty payload.");
        var subscription = routing.SubscriptionFor(type, envelope.Consumer);

        var previousCorrelation = CorrelationContext.Current;
        CorrelationContext.Current = envelope.CorrelationId ?? CorrelationContext.NewId();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!_modules.TryGetValue(envelope.Consumer, out var module))
            {
                // A test double standing in for another module's contract: no database of its own.
                await subscription.Invoke(scope.ServiceProvider, message, cancellationToken);
                return;
            }

            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            await context.InTransactionAsync(async () =>
            {
                var firstDelivery = await context.Database.ExecuteSqlRawAsync(
                    _inboxInserts[module.Name], [envelope.MessageId, envelope.Consumer, context.Time.GetUtcNow()], cancellationToken);
                if (firstDelivery == 0)
                {
                    return false;
                }

                await subscription.Invoke(scope.ServiceProvider, message, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        finally
        {
            CorrelationContext.Current = previousCorrelation;
        }
    }
}
