using System.Diagnostics.Metrics;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Delivery outcomes per consuming module and message type, and each module's outbox backlog (measured when read).
internal sealed class MessagingMetrics
{
    private static readonly string[] Labels = ["messaging.destination.name", "oms.message.type"];
    private readonly SeededCounter _delivered;
    private readonly SeededCounter _retried;
    private readonly SeededCounter _deadLettered;

    public MessagingMetrics(IMeterFactory meters, OutboxBacklog backlog, IEnumerable<ModuleDescriptor> modules, MessageRouting routing,
        MessageTypeMap types)
    {
        var meter = meters.Create(TelemetryNames.Messaging);
        // Every (consuming module, message type) this host routes has its series from the start, at 0 (SeededCounter).
        var known = routing.Subscriptions.Select(s => new[] { s.Consumer, types.NameOf(s.MessageType) }).ToList();
        _delivered = new SeededCounter(meter, "oms.messages.delivered", "{message}", "Messages handled by their consuming module.", Labels, known);
        _retried = new SeededCounter(meter, "oms.messages.retried", "{message}", "Failed deliveries that will be tried again after a backoff.", Labels, known);
        _deadLettered = new SeededCounter(meter, "oms.messages.dead_lettered", "{message}", "Deliveries given up after the last attempt; kept for operators.",
            Labels, known);
        var samples = new BacklogSamples(backlog, modules.ToList());
        meter.CreateObservableGauge("oms.outbox.backlog", () => samples.Read(s => s.Due), "{message}",
            "Outbox rows of the module that are due for delivery now.");
        meter.CreateObservableGauge("oms.outbox.oldest_message.age", () => samples.Read(s => s.OldestAge.TotalSeconds), "s",
            "How long the oldest due outbox row of the module has waited.");
    }

    public void Outcome(OutboxEnvelope envelope, bool delivered, bool deadLettered) =>
        (delivered ? _delivered : deadLettered ? _deadLettered : _retried).Add(envelope.Consumer, envelope.Type);

    // One query per module serves both gauges of one collection.
    private sealed class BacklogSamples(OutboxBacklog backlog, IReadOnlyList<ModuleDescriptor> modules)
    {
        private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
        private readonly Lock _gate = new();
        private (DateTime At, List<(string Module, OutboxBacklogSample Sample)> Samples) _last = (DateTime.MinValue, []);

        public IEnumerable<Measurement<T>> Read<T>(Func<OutboxBacklogSample, T> value) where T : struct =>
            Current().Select(s => new Measurement<T>(value(s.Sample), new KeyValuePair<string, object?>("oms.module", s.Module)));

        private List<(string Module, OutboxBacklogSample Sample)> Current()
        {
            lock (_gate)
            {
                if (DateTime.UtcNow - _last.At > Fresh)
                {
                    _last = (DateTime.UtcNow, Measure());
                }

                return _last.Samples;
            }
        }

        // An unreachable database reports nothing rather than failing the scrape; readiness says why.
        private List<(string Module, OutboxBacklogSample Sample)> Measure()
        {
            var samples = new List<(string, OutboxBacklogSample)>(modules.Count);
            foreach (var module in modules)
            {
                try
                {
                    samples.Add((module.Name, backlog.Measure(module)));
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    // Not migrated yet or unreachable: the module is left out of this collection.
                }
            }

            return samples;
        }
    }
}
