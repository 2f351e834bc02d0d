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
    private const string RejectionReasonTag = "oms.order.rejection_reason";
    private const string StepTagName = "oms.saga.step";

    private readonly SeededCounter _placed;
    private readonly SeededCounter _confirmed;
    private readonly SeededCounter _rejected;
    private readonly SeededCounter _cancelled;
    private readonly Histogram<double> _timeToConfirm;
    private readonly Histogram<double> _stepDuration;
    private readonly Histogram<int> _stepAttempts;
    private readonly SeededCounter _deadlineExpiries;

    public OrderingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets };
        // Every series from the start at 0 (SeededCounter): each rejection reason, each saga step.
        _placed = new SeededCounter(meter, "oms.orders.placed", "{order}", "Orders accepted (202) and stored Pending.");
        _confirmed = new SeededCounter(meter, "oms.orders.confirmed", "{order}", "Orders that reached Confirmed.");
        _rejected = new SeededCounter(meter, "oms.orders.rejected", "{order}", "Orders that ended Rejected, by rejection reason.",
            [RejectionReasonTag], Enum.GetNames<RejectionReason>().Select(r => new[] { r }));
        _cancelled = new SeededCounter(meter, "oms.orders.cancelled", "{order}", "Orders that ended Cancelled.");
        _timeToConfirm = meter.CreateHistogram("oms.order.confirmation.duration", "s",
            "Time from placing an order to its reaching Confirmed.", advice: seconds);
        _stepDuration = meter.CreateHistogram("oms.saga.step.duration", "s",
            "Time from a saga step's first command to the answer it waited for, by step.", advice: seconds);
        _stepAttempts = meter.CreateHistogram("oms.saga.step.attempts", "{attempt}",
            "Sends of a saga step's command until it was answered, by step.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 5, 10] });
        _deadlineExpiries = new SeededCounter(meter, "oms.saga.step.deadline_expiries", "{expiry}",
            "Saga step deadlines that passed without an answer, by step.", [StepTagName],
            Enum.GetValues<SagaStep>().Where(s => s != SagaStep.None).Select(s => new[] { s.ToString() }));
    }

    public void Placed() => _placed.Add();

    public void Confirmed(TimeSpan sincePlaced)
    {
        _confirmed.Add();
        _timeToConfirm.Record(sincePlaced.TotalSeconds);
    }

    public void Rejected(RejectionReason reason) => _rejected.Add(reason.ToString());

    public void Cancelled() => _cancelled.Add();

    public void StepAnswered(SagaStep step, TimeSpan duration, int attempts)
    {
        var tag = StepTag(step);
        _stepDuration.Record(duration.TotalSeconds, tag);
        _stepAttempts.Record(attempts, tag);
    }

    public void DeadlineExpired(SagaStep step) => _deadlineExpiries.Add(step.ToString());

    private static KeyValuePair<string, object?> StepTag(SagaStep step) => new(StepTagName, step.ToString());
}
