using OrderManagement.BuildingBlocks.Domain;
using Stateless;
using Stateless.Reflection;

namespace OrderManagement.Ordering.Fulfilment;

// SagaDefinition's table as a Stateless machine over the saga's own State: the forward steps are substates of Running,
// the compensations substates of Compensating. A trigger the table does not permit throws InvalidTransitionException
// (a 409 naming state and trigger).
internal static class SagaStateMachine
{
    public static StateMachine<SagaState, SagaTrigger> For(FulfilmentSaga saga)
    {
        var machine = new StateMachine<SagaState, SagaTrigger>(() => saga.State, saga.MoveTo);
        var forward = SagaDefinition.Forward;
        machine.Configure(SagaState.Running)
            .Permit(SagaTrigger.Continue, forward[0].State)
            .Permit(SagaTrigger.Compensate, SagaState.Compensating)
            .Permit(SagaTrigger.Fail, SagaState.Failed)
            .Ignore(SagaTrigger.Resume);
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
            .Ignore(SagaTrigger.Resume);
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
            .Ignore(SagaTrigger.Fail);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(nameof(SagaState), state.ToString(), trigger.ToString(), unmetGuards));
        return machine;
    }

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
