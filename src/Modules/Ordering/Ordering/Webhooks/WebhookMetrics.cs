using System.Diagnostics.Metrics;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.Ordering.Webhooks;

// Webhook calls by outcome (delivered, failed, dead_lettered) and how long receivers take to answer.
internal sealed class WebhookMetrics
{
    private const string OutcomeTag = "outcome";
    private readonly SeededCounter _attempts;
    private readonly Histogram<double> _duration;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Prefix + ".Ordering.Webhooks");
        _attempts = new SeededCounter(meter, "oms.webhook.deliveries", "{attempt}",
            "Webhook calls, by outcome: delivered (2xx), failed (retried later) or dead_lettered (attempts used up).",
            [OutcomeTag], [["delivered"], ["failed"], ["dead_lettered"]]);
        _duration = meter.CreateHistogram("oms.webhook.delivery.duration", "s", "Time from sending a webhook to its answer or failure.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
    }

    public void Record(string outcome, TimeSpan duration)
    {
        _attempts.Add(outcome);
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, outcome));
    }
}
