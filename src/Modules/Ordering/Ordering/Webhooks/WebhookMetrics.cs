using System.Diagnostics.Metrics;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.Ordering.Webhooks;

// Webhook calls by outcome (delivered, failed, dead_lettered) and how long receivers take to answer.
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Prefix + ".Ordering.Webhooks");
        _attempts = meter.CreateCounter<long>("oms.webhook.deliveries", "{attempt}",
            "Webhook calls, by outcome: delivered (2xx), failed (retried later) or dead_lettered (attempts used up).");
        _duration = meter.CreateHistogram("oms.webhook.delivery.duration", "s", "Time from sending a webhook to its answer or failure.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
    }

    public void Record(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _attempts.Add(1, tag);
        _duration.Record(duration.TotalSeconds, tag);
    }
}
