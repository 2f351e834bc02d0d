using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Ordering.Fulfilment;

// The persisted state of one order's fulfilment: where it is, what it holds in other modules, and when
// it next expects an answer. Held flags say what compensation has to give back.
internal sealed class FulfilmentSaga
{
    private FulfilmentSaga()
    {
    }

    public Guid OrderId { get; private init; }
    public SagaStatus Status { get; internal set; }
    public SagaStep CurrentStep { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset StartedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? StepStartedAt { get; set; }
    public bool CancelRequested { get; set; }

    // An operator retry of the current step waits for its answer; a second retry meanwhile is refused.
    public bool RetryUnderWay { get; set; }

    public bool StockHeld { get; set; }
    public bool PaymentHeld { get; set; }
    public bool ShipmentHeld { get; set; }
    public SagaOutcome? Outcome { get; set; }
    public Guid? DeadlineDeliveryId { get; set; }
    public int Version { get; set; }

    public static FulfilmentSaga Start(Guid orderId, DateTimeOffset now) => new()
    {
        OrderId = orderId,
        Status = SagaStatus.Running,
        CurrentStep = SagaStep.None,
        StartedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public bool IsWaitingFor(SagaStep step) =>
        CurrentStep == step && Status is SagaStatus.Running or SagaStatus.Compensating or SagaStatus.Failed;

    // Fires a status trigger; the machine writes the transition to the order's history.
    public void Fire(SagaTrigger trigger, DateTimeOffset now, IHistoryLog history, string? detail = null)
    {
        var machine = SagaStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(OrderId, "Saga", OrderId, SagaStateMachine.EventOf(t.Source, t.Trigger),
            t.Source.ToString(), t.Destination.ToString(), detail));
        machine.Fire(trigger);
        UpdatedAt = now;
    }
}
