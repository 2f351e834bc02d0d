namespace OrderManagement.Ordering.Contracts;

// The overview's figures at one instant (At, UTC). Periods count events in the last hour and the last 24 hours;
// PlacedToConfirmed covers the orders confirmed in the last 24 hours; FailureRate is the share of orders placed in
// the last 24 hours that were rejected or whose saga failed (null when none were placed).
public sealed record OrderFigures(
    DateTimeOffset At,
    IReadOnlyList<OrderStatusCount> OrdersByStatus,
    IReadOnlyList<SagaStatusCount> SagasByStatus,
    PeriodFigures LastHour,
    PeriodFigures LastDay,
    LatencyFigures PlacedToConfirmed,
    long RetriesLastDay,
    double? FailureRateLastDay,
    long Stalled);

public sealed record OrderStatusCount(OrderStatus Status, long Count);

public sealed record SagaStatusCount(SagaStatus Status, long Count);

public sealed record PeriodFigures(long Placed, long Confirmed, long Rejected, long Cancelled);

// Seconds from placing to Confirmed; null when nothing was confirmed in the period.
public sealed record LatencyFigures(long Count, double? P50Seconds, double? P95Seconds, double? P99Seconds);
