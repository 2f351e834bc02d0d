using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Delivers one module's outbox: one lane per consumer (plus one for rows of consumers this host does not know), each
// with its own bound on deliveries in flight, so no delivery waits for an unrelated one (ADR 0014).
internal sealed class OutboxDispatcher : BackgroundLoop
{
    private readonly ModuleDescriptor _module;
    private readonly MigrationState _migrations;
    private readonly DispatcherStates _dispatchers;
    private readonly Dictionary<string, DeliveryLane> _lanes;
    private readonly string[] _knownConsumers;
    private readonly NpgsqlDataSource _dataSource;
    private readonly OutboxSignals _signals;
    private readonly IOptionsMonitor<MessagingOptions> _options;
    private readonly TimeProvider _time;

    public OutboxDispatcher(
        ModuleDescriptor module,
        NpgsqlDataSource dataSource,
        MessageConsumer consumer,
        MessageRouting routing,
        OutboxSignals signals,
        IOptionsMonitor<MessagingOptions> options,
        TimeProvider time,
        IEnumerable<IDeadLetterListener> deadLetterListeners,
        MigrationState migrations,
        DatabaseFailover failover,
        DispatcherStates dispatchers,
        MessagingMetrics metrics,
        ILoggerFactory loggers)
    {
        _module = module;
        _migrations = migrations;
        _dispatchers = dispatchers;
        _dataSource = dataSource;
        _signals = signals;
        _options = options;
        _time = time;
        var logger = loggers.CreateLogger<OutboxDispatcher>();
        var delivery = new ClaimDelivery(module, consumer, options, time, deadLetterListeners, metrics, logger);
        var known = _knownConsumers = [.. routing.Consumers];
        var settings = options.CurrentValue;
        _lanes = known.Select(c => new OutboxLane(c, known))
            .Append(new OutboxLane(null, known))
            .ToDictionary(
                lane => lane.Name,
                lane => new DeliveryLane(module, lane,
                    lane.Consumer is null ? 1 : consumer.GroupSizeFor(lane.Consumer),
                    lane.Consumer is null ? 1 : settings.DeliveryConcurrencyOf(lane.Consumer),
                    dataSource, delivery, signals, options, time, failover, logger));
    }

    internal string Module => _module.Name;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _migrations.WaitUntilMigratedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        using var running = _dispatchers.Running(_module.Name);
        var lanes = _lanes.Values.Select(lane => Task.Run(() => lane.RunAsync(stoppingToken), CancellationToken.None)).ToList();
        await PollAsync(stoppingToken);
        await Task.WhenAll(lanes);
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_options.CurrentValue.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            try
            {
                var due = await OutboxPoll.LanesWithDueRowsAsync(_dataSource, _module.Schema, _knownConsumers, _time.GetUtcNow(), stoppingToken);
                _signals.Notify(_module.Schema, due);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Unreachable database: the lanes' own claims report it (and DatabaseFailover reacts); poll again later.
                _signals.Notify(_module.Schema);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Claims and delivers one consumer's due rows once, here and now (tests drain an outbox with it).
    internal Task<int> DeliverOnceAsync(string consumer, CancellationToken cancellationToken) =>
        _lanes[consumer].DeliverOnceAsync(cancellationToken);
}
