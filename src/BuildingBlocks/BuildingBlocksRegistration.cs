using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.DataProtection;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Health;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Messaging.Inbox;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.BuildingBlocks.Operations;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Time;

namespace OrderManagement.BuildingBlocks;

public static class BuildingBlocksRegistration
{
    public const string ConnectionStringName = "OrderManagement";

    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDatabaseClock();
        services.AddSingleton(sp => DataSource(ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddValidatedOptions(MessagingOptions.Section,
            ValidatedOptions.AtLeast<MessagingOptions>(nameof(MessagingOptions.MaxAttempts), o => o.MaxAttempts, 1),
            ValidatedOptions.Positive<MessagingOptions>(nameof(MessagingOptions.BaseRetryDelay), o => o.BaseRetryDelay),
            new(nameof(MessagingOptions.MaxRetryDelay), o => o.MaxRetryDelay >= o.BaseRetryDelay, "must be at least BaseRetryDelay"),
            new(nameof(MessagingOptions.BaseRetryDelay), o => o.BaseRetryDelay <= o.MaxRetryDelay, "must be at most MaxRetryDelay"),
            ValidatedOptions.Positive<MessagingOptions>(nameof(MessagingOptions.PollInterval), o => o.PollInterval),
            ValidatedOptions.AtLeast<MessagingOptions>(nameof(MessagingOptions.DeliveryConcurrency), o => o.DeliveryConcurrency, 1),
            new(nameof(MessagingOptions.ConsumerConcurrency), o => o.ConsumerConcurrency.Values.All(v => v >= 1), "every consumer's value must be at least 1"),
            ValidatedOptions.AtLeast<MessagingOptions>(nameof(MessagingOptions.ConsumerGroupSize), o => o.ConsumerGroupSize, 1),
            ValidatedOptions.Positive<MessagingOptions>(nameof(MessagingOptions.LockTimeout), o => o.LockTimeout));
        services.AddSingleton<OutboxSignals>();
        services.AddSingleton<DatabaseFailover>();
        services.AddSingleton<DispatcherStates>();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<PipelineBacklog>();
        services.AddHostedService<PipelineBacklogSampler>();
        services.AddSingleton<MessagingMetrics>();
        services.AddReadinessChecks();
        services.AddSingleton<MigrationState>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<MigrationHostedService>();
        services.AddSingleton<MessageRouting>();
        services.AddSingleton<MessageTypeMap>();
        services.AddSingleton<MessageConsumer>();
        services.AddInboxPurge();
        services.AddSingleton(sp => new DeadLetterStore(sp.GetServices<ModuleDeadLetters>(), sp.GetServices<IMootDeadLetters>()));
        services.AddSingleton(sp => new OutboxInspector(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetServices<ModuleDescriptor>(), sp.GetRequiredService<TimeProvider>()));
        // Page cursors are protected with the Data Protection key ring that every host on the database shares.
        services.AddSingleton<OrderManagement.BuildingBlocks.Web.CursorCodec>();
        services.AddSharedDataProtection();
        services.AddOperationsRecords();
        services.AddMediatorPipeline();
        return services;
    }

    // Read when first needed, so configuration added by a test host after start-up code ran still counts.
    private static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} is not set. Start with build/run.sh, or set ConnectionStrings__{ConnectionStringName}.");

    // Every statement the modules send has a fixed text, so auto-preparing them saves PostgreSQL's parse and plan
    // work on each call. No session state outlives a transaction here (advisory locks are transaction-scoped,
    // the migrator releases its lock), so the DISCARD ALL a pooled connection sends on reuse is skipped.
    internal static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.TraceOnlyWithinSpans().Build();
    }

    // Registers a module: its schema and DbContext with the services over it (locks, outbox publisher, history log,
    // after-commit actions), its command handlers and validators, and its outbox dispatcher.
    public static IServiceCollection AddModule<TContext>(this IServiceCollection services, string name, string schema,
        MessageDelivery delivery = MessageDelivery.Grouped)
        where TContext : ModuleDbContext
    {
        var descriptor = new ModuleDescriptor(name, schema, typeof(TContext).Assembly, typeof(TContext), delivery);
        services.AddSingleton(descriptor);
        // The context's save and commit drain what its publisher and after-commit hooks queued; a module's own
        // interceptors (IInterceptor keyed by its context type) run before them.
        services.AddKeyedScoped(typeof(TContext), (sp, _) => new PendingWork(sp.GetRequiredService<OutboxSignals>()));
        services.AddDbContext<TContext>((sp, options) =>
        {
            var work = sp.GetRequiredKeyedService<PendingWork>(typeof(TContext));
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
                // A failed command's exception reaches the code that ran it, which logs it with what it means (a lock wait
                // deferred, a delivery retried, a 500): EF Core's own line about it is a Warning, not a second Error.
                .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Warning)))
                .AddInterceptors(sp.GetKeyedServices<IInterceptor>(typeof(TContext)))
                .AddInterceptors(new PendingWorkSaveInterceptor(work), new PendingWorkTransactionInterceptor(work));
        });
        services.AddScoped(sp => new TransactionLocks<TContext>(sp.GetRequiredService<TContext>()));
        services.AddScoped(sp => new OutboxPublisher<TContext>(sp.GetRequiredService<TContext>(), sp.GetRequiredKeyedService<PendingWork>(typeof(TContext)),
            sp.GetRequiredService<MessageRouting>(), sp.GetRequiredService<MessageTypeMap>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new HistoryLog<TContext>(sp.GetRequiredService<TContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new AfterCommit<TContext>(sp.GetRequiredKeyedService<PendingWork>(typeof(TContext))));
        services.AddRequestHandlersAndValidators(descriptor.Assembly);
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher>(sp, descriptor));
        services.AddSingleton(sp => new ModuleDeadLetters(
            descriptor, sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<OutboxSignals>(), sp.GetRequiredService<TimeProvider>()));
        services.AddModuleReadinessCheck(descriptor);
        return services;
    }

    // A module's own EF Core interceptor on its DbContext (scoped like it), run before the ones AddModule adds.
    public static IServiceCollection AddDbContextInterceptor<TContext, TInterceptor>(this IServiceCollection services)
        where TContext : ModuleDbContext
        where TInterceptor : class, IInterceptor =>
        services.AddKeyedScoped<IInterceptor, TInterceptor>(typeof(TContext));

    public static IServiceCollection AddMessageHandler<TMessage, THandler>(this IServiceCollection services, string consumer)
        where TMessage : notnull
        where THandler : class, IMessageHandler<TMessage>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new MessageSubscription(typeof(TMessage), consumer,
            (sp, message, ct) => sp.GetRequiredService<THandler>().HandleAsync((TMessage)message, ct)));
        return services;
    }

    // Takes the row locks a group of this consumer's messages needs before its handlers run (IMessageGroupLocks).
    public static IServiceCollection AddMessageGroupLocks<TLocks>(this IServiceCollection services, string consumer)
        where TLocks : class, IMessageGroupLocks
    {
        services.AddScoped<TLocks>();
        services.AddSingleton(new MessageGroupLocksRegistration(consumer, typeof(TLocks)));
        return services;
    }

    public static IServiceCollection AddMessageTypes(this IServiceCollection services, IReadOnlyDictionary<Type, string> names)
    {
        foreach (var (type, name) in names)
        {
            services.AddSingleton(new MessageTypeName(type, name));
        }

        return services;
    }
}
