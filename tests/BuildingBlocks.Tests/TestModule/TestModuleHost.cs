using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Boots the test module ("BbTest", schema bbtest) alone on the test database, with an empty bbtest schema.
internal static class TestModuleHost
{
    public const string Name = "BbTest";
    public const string BrokenConsumer = "BbBroken";
    public const string CounterConsumer = "BbCounter";
    public const string AuditConsumer = "BbAudit";

    public static async Task<ModuleTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool reset = true,
        MessageDelivery delivery = MessageDelivery.Grouped)
    {
        if (reset)
        {
            await TestModuleDatabase.ResetAsync();
        }

        return await ModuleTestHost.StartAsync((services, _) =>
        {
            services.AddModule<TestModuleDbContext>(Name, TestModuleDbContext.SchemaName, delivery);
            services.AddMessageTypes(TestMessages.Names);
            services.AddMessageHandler<NoteRequested, NoteRequestedHandler>(Name);
            services.AddMessageHandler<NoteBroadcast, NoteBroadcastHandler>(Name);
            services.AddMessageHandler<AddNoteRequested, AddNoteRequestedHandler>(Name);
            services.AddMessageHandler<NoteRelayed, NoteRelayedHandler>(Name);
            services.AddMessageHandler<NoteBroadcast, BrokenBroadcastHandler>(BrokenConsumer);
            services.AddMessageHandler<Tick, TickHandler>(CounterConsumer);
            services.RecordMessages<NoteReminder>(AuditConsumer);
            configure?.Invoke(services);
            services.TryAddSingleton<HandlerScript>();
            services.TryAddSingleton<TickLog>();
        }, settings, reset);
    }

    // Publishes in one committed transaction, as a command handler's unit of work would.
    public static Task PublishCommittedAsync(this ModuleTestHost host, params object[] messages) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestModuleDbContext>();
            var outbox = sp.GetRequiredService<OutboxPublisher<TestModuleDbContext>>();
            return await db.InTransactionAsync(async () =>
            {
                foreach (var message in messages)
                {
                    outbox.Publish(message);
                }

                await db.SaveChangesAsync();
                return true;
            }, CancellationToken.None);
        });
}
