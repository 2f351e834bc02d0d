using OrderManagement.BuildingBlocks.Domain;
using Stateless;
using Stateless.Reflection;

namespace OrderManagement.Ordering.Fulfilment;

// SagaDefinition's table as a Stateless machine over the saga's own State: the forward steps are substates of Running,
// the compensations substates of Compensating. A trigger the table does not permit, or whose guard is unmet, throws
// InvalidTransitionException: the API's problem for it in Refusals, or a 409 naming state and trigger.
internal static class SagaStateMachine
{
    public const string WaitsForAnswer = "a step waits for its answer";
    public const string NoRetryUnderWay = "no operator retry is under way";

    // An operator's retry refused: rows in this order, so a saga that waits for nothing is told so first.
    public static readonly TransitionRefusals<FulfilmentSaga, SagaState, SagaTrigger> Refusals = new TransitionRefusals<FulfilmentSaga, SagaState, SagaTrigger>(nameof(SagaState))
        .OnGuard(SagaTrigger.Retry, WaitsForAnswer, "nothing-to-retry", NothingToRetry)
        .OnGuard(SagaTrigger.Retry, NoRetryUnderWay, "retry-in-progress", (saga, _) =>
            $"An operator retry of {saga.CurrentStep} is already under way for order {saga.OrderId}; its answer is awaited until {saga.NextAttemptAt:O}. "
            + "Retry again only if the saga has not moved by then.")
        .On(SagaTrigger.Retry, "nothing-to-retry", NothingToRetry);

    public static StateMachine<SagaState, SagaTrigger> For(FulfilmentSaga saga)
    {
        var machine = new StateMachine<SagaState, SagaTrigger>(() => saga.State, saga.MoveTo);
        var forward = SagaDefinition.Forward;
        machine.Configure(SagaState.Running)
            .Permit(SagaTrigger.Continue, forward[0].State)
            .Permit(SagaTrigger.Compensate, SagaState.Compensating)
            .Permit(SagaTrigger.Fail, SagaState.Failed)
            .Ignore(SagaTrigger.Resume)
            .IgnoreIf(SagaTrigger.Retry, RetryGuards(saga));
        for (var i = 0; i < forward.Count; i++)
        {
            machine.Configure(forward[i].State).SubstateOf(SagaState.Running)
                .Permit(SagaTrigger.Continue, i + 1 < forward.Count ? forward[i + 1].State : SagaState.Completed);
        }

        machine.Configure(SagaState.Completed)
            .Permit(SagaTrigger.Compensate, SagaState.Compensating);
        machine.Configure(SagaState.Compensating)
            .PermitDynamic(SagaTrigger.Continue, () => SagaDefinition.NextCompensation(saga), "the last step that holds something",
                Destinations(SagaDefinition.Compensations.Select(s => (s.State, $"{s.Step} undoes a held step")).Append((SagaState.Compensated, "nothing held"))))
            .Permit(SagaTrigger.Fail, SagaState.Failed)
            .Ignore(SagaTrigger.Compensate)
            .Ignore(SagaTrigger.Resume)
            .IgnoreIf(SagaTrigger.Retry, RetryGuards(saga));
        foreach (var step in SagaDefinition.Compensations)
        {
            var undo = machine.Configure(step.State).SubstateOf(SagaState.Compensating);
            if (step.Replies.Any(r => r.Trigger == SagaTrigger.CancellationRefused))
            {
                undo.Permit(SagaTrigger.CancellationRefused, SagaState.Completed);
            }
        }

        machine.Configure(SagaState.Compensated);
        machine.Configure(SagaState.Failed)
            .PermitDynamic(SagaTrigger.Resume, () => SagaDefinition.Of(saga.CurrentStep).State, "the step that failed",
                Destinations(SagaDefinition.Steps.Select(s => (s.State, $"failed at {s.Step}"))))
            .Permit(SagaTrigger.Compensate, SagaState.Compensating)
            .Ignore(SagaTrigger.Fail)
            .IgnoreIf(SagaTrigger.Retry, () => !saga.RetryUnderWay, NoRetryUnderWay);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw Refusals.Refuse(saga, state, trigger, unmetGuards));
        return machine;
    }

    // Throws the machine's refusal unless the trigger could fire now: for an operator's retry, which the saga carries
    // out by sending its step again (or by Resume, from Failed).
    public static void EnsurePermitted(FulfilmentSaga saga, SagaTrigger trigger)
    {
        if (!For(saga).CanFire(trigger, out var unmetGuards))
        {
            throw Refusals.Refuse(saga, saga.State, trigger, unmetGuards);
        }
    }

    // A retry while the saga runs or compensates sends the waiting step again, once until it is answered.
    private static Tuple<Func<bool>, string>[] RetryGuards(FulfilmentSaga saga) =>
    [
        Tuple.Create<Func<bool>, string>(() => saga.NextAttemptAt is not null, WaitsForAnswer),
        Tuple.Create<Func<bool>, string>(() => !saga.RetryUnderWay, NoRetryUnderWay),
    ];

    private static string NothingToRetry(FulfilmentSaga saga, SagaState state) =>
        $"The saga of order {saga.OrderId} is {saga.Status} and waits for nothing; there is nothing to retry.";

    private static DynamicStateInfos Destinations(IEnumerable<(SagaState State, string Criterion)> destinations)
    {
        var infos = new DynamicStateInfos();
        foreach (var (state, criterion) in destinations)
        {
            infos.Add(state, criterion);
        }

        return infos;
    }

    // The event under which a change of status appears in the order's history.
    public static string EventOf(SagaTrigger trigger, SagaStatus to) => trigger switch
    {
        SagaTrigger.Continue when to == SagaStatus.Completed => "SagaCompleted",
        SagaTrigger.Continue => "SagaCompensated",
        SagaTrigger.Compensate => "CompensationStarted",
        SagaTrigger.CancellationRefused => "CancellationRefused",
        SagaTrigger.Fail => "SagaFailed",
        SagaTrigger.Resume => "SagaResumed",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
