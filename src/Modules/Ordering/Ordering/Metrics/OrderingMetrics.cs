using System.Diagnostics.Metrics;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Metrics;

// The order KPIs: how many orders are placed and how they end, how long confirmation takes, and how each saga step
// fares. Callers record after their transaction commits (ModuleDbContext.AfterCommit), so undone work never counts.
internal sealed class OrderingMetrics
{
    public const string MeterName = TelemetryNames.Prefix + ".Ordering";

    private readonly Counter<long> _placed;
    private readonly Counter<long> _confirmed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _timeToConfirm;
    private readonly Histogram<double> _stepDuration;
    private readonly Histogram<int> _stepAttempts;
    private readonly Counter<long> _deadlineExpiries;

    public OrderingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets };
        _placed = meter.CreateCounter<long>("oms.orders.placed", "{order}", "Orders accepted (202) and stored Pending.");
        _confirmed = meter.CreateCounter<long>("oms.orders.confirmed", "{order}", "Orders that reached Confirmed.");
        _rejected = meter.CreateCounter<long>("oms.orders.rejected", "{order}", "Orders that ended Rejected, by rejection reason.");
        _cancelled = meter.CreateCounter<long>("oms.orders.cancelled", "{order}", "Orders that ended Cancelled.");
        _timeToConfirm = meter.CreateHistogram("oms.order.confirmation.duration", "s",
            "Time from placing an order to its reaching Confirmed.", advice: seconds);
        _stepDuration = meter.CreateHistogram("oms.saga.step.duration", "s",
            "Time from a saga step's first command to the answer it waited for, by step.", advice: seconds);
        _stepAttempts = meter.CreateHistogram("oms.saga.step.attempts", "{attempt}",
            "Sends of a saga step's command until it was answered, by step.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 5, 10] });
        _deadlineExpiries = meter.CreateCounter<long>("oms.saga.step.deadline_expiries", "{expiry}",
            "Saga step deadlines that passed without an answer, by step.");
    }

    public void Placed() => _placed.Add(1);

    public void Confirmed(TimeSpan sincePlaced)
    {
        _confirmed.Add(1);
        _timeToConfirm.Record(sincePlaced.TotalSeconds);
    }

    public void Rejected(RejectionReason reason) => _rejected.Add(1, new KeyValuePair<string, object?>("oms.order.rejection_reason", reason.ToString()));

    public void Cancelled() => _cancelled.Add(1);

    public void StepAnswered(SagaStep step, TimeSpan duration, int attempts)
    {
        var tag = StepTag(step);
        _stepDuration.Record(duration.TotalSeconds, tag);
        _stepAttempts.Record(attempts, tag);
    }

    public void DeadlineExpired(SagaStep step) => _deadlineExpiries.Add(1, StepTag(step));

    private static KeyValuePair<string, object?> StepTag(SagaStep step) => new("oms.saga.step", step.ToString());
}
