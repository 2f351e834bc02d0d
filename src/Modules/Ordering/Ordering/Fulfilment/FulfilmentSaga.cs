using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Ordering.Fulfilment;

// The persisted state of one order's fulfilment: its state in SagaDefinition's machine, the steps it has completed
// (what it holds follows from them), and when it next expects an answer.
internal sealed class FulfilmentSaga
{
    private readonly List<string> _completedSteps = [];

    private FulfilmentSaga()
    {
    }

    public Guid OrderId { get; private init; }

    // The definition that started this saga: 1 for rows written before SagaDefinition (mapped by migration 0007).
    public int DefinitionVersion { get; private init; }

    public SagaState State { get; private set; }

    // The top level of State, kept as its own column for the operators' queries and the REST contract.
    public SagaStatus Status { get; private set; }

    // The step of State; a failed saga keeps the step that failed, a finished one has none.
    public SagaStep CurrentStep { get; private set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset StartedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? StepStartedAt { get; set; }
    public bool CancelRequested { get; set; }

    // An operator retry of the current step waits for its answer; a second retry meanwhile is refused.
    public bool RetryUnderWay { get; set; }

    public SagaOutcome? Outcome { get; set; }
    public Guid? DeadlineDeliveryId { get; set; }

    // PostgreSQL's xmin: a concurrent change of the row makes SaveChanges fail instead of overwriting it.
    public uint RowVersion { get; private set; }

    public static FulfilmentSaga Start(Guid orderId, DateTimeOffset now) => new()
    {
        OrderId = orderId,
        DefinitionVersion = SagaDefinition.Version,
        State = SagaState.Running,
        Status = SagaStatus.Running,
        CurrentStep = SagaStep.None,
        StartedAt = now,
        UpdatedAt = now,
    };

    public IEnumerable<SagaStep> CompletedSteps => _completedSteps.Select(Enum.Parse<SagaStep>);

    public bool HasCompleted(SagaStep step) => _completedSteps.Contains(step.ToString());

    // A step's answer arrived, or (abandoned by a cancellation) it may have taken effect: compensation takes it into account.
    public void MarkCompleted(SagaStep step)
    {
        if (!HasCompleted(step))
        {
            _completedSteps.Add(step.ToString());
        }
    }

    // A forward step holds something in its module from its completion until its compensation completes.
    public bool Holds(SagaStepDefinition forward) =>
        HasCompleted(forward.Step) && forward.CompensatedBy is { } undo && !HasCompleted(undo);

    public bool IsWaitingFor(SagaStep step) =>
        CurrentStep == step && Status is SagaStatus.Running or SagaStatus.Compensating or SagaStatus.Failed;

    // The machine's state mutator (Stateless external state).
    internal void MoveTo(SagaState state)
    {
        State = state;
        Status = SagaDefinition.StatusOf(state);
        if (SagaDefinition.StepIn(state) is { } step)
        {
            CurrentStep = step.Step;
        }
        else if (state is SagaState.Completed or SagaState.Compensated)
        {
            CurrentStep = SagaStep.None;
        }
    }

    // Fires a trigger; the machine writes the change of status and the step started to the order's history.
    public void Fire(SagaTrigger trigger, DateTimeOffset now, IHistoryLog history, string? detail = null)
    {
        var machine = SagaStateMachine.For(this);
        var stepBefore = CurrentStep;
        machine.OnTransitioned(t =>
        {
            var (from, to) = (SagaDefinition.StatusOf(t.Source), SagaDefinition.StatusOf(t.Destination));
            if (from != to)
            {
                history.Record(OrderId, "Saga", OrderId, SagaStateMachine.EventOf(t.Trigger, to), from.ToString(), to.ToString(), detail);
            }

            if (SagaDefinition.StepIn(t.Destination) is { } step && step.Step != stepBefore)
            {
                history.Record(OrderId, "Saga", OrderId, "StepStarted", stepBefore.ToString(), step.Step.ToString());
            }
        });
        machine.Fire(trigger);
        UpdatedAt = now;
    }
}
