using OrderManagement.BuildingBlocks.Domain;
using Stateless;

namespace OrderManagement.Ordering.Fulfilment;

// The saga's status as a Stateless machine over the saga's own Status; a trigger the table does not permit throws
// InvalidTransitionException (a 409 naming state and trigger).
internal static class SagaStateMachine
{
    public static StateMachine<SagaStatus, SagaTrigger> For(FulfilmentSaga saga)
    {
        var machine = new StateMachine<SagaStatus, SagaTrigger>(() => saga.Status, s => saga.Status = s);
        machine.Configure(SagaStatus.Running)
            .Permit(SagaTrigger.Complete, SagaStatus.Completed)
            .Permit(SagaTrigger.Compensate, SagaStatus.Compensating)
            .Permit(SagaTrigger.Finish, SagaStatus.Compensated)
            .Permit(SagaTrigger.Fail, SagaStatus.Failed)
            .Ignore(SagaTrigger.Resume);
        machine.Configure(SagaStatus.Completed)
            .Permit(SagaTrigger.Compensate, SagaStatus.Compensating)
            .Ignore(SagaTrigger.Complete);
        machine.Configure(SagaStatus.Compensating)
            .Permit(SagaTrigger.Finish, SagaStatus.Compensated)
            .Permit(SagaTrigger.Fail, SagaStatus.Failed)
            .Permit(SagaTrigger.Complete, SagaStatus.Completed)
            .Ignore(SagaTrigger.Compensate)
            .Ignore(SagaTrigger.Resume);
        machine.Configure(SagaStatus.Failed)
            .PermitIf(SagaTrigger.Resume, SagaStatus.Running, () => saga.Outcome is null, "no outcome decided")
            .PermitIf(SagaTrigger.Resume, SagaStatus.Compensating, () => saga.Outcome is not null, "compensating")
            .Permit(SagaTrigger.Compensate, SagaStatus.Compensating)
            .Ignore(SagaTrigger.Fail);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(nameof(SagaStatus), state.ToString(), trigger.ToString(), unmetGuards));
        return machine;
    }

    // The event under which a transition appears in the order's history. Completing while compensating happens only
    // when Shipping refuses the cancellation because the shipment has left.
    public static string EventOf(SagaStatus source, SagaTrigger trigger) => trigger switch
    {
        SagaTrigger.Complete when source == SagaStatus.Compensating => "CancellationRefused",
        SagaTrigger.Complete => "SagaCompleted",
        SagaTrigger.Compensate => "CompensationStarted",
        SagaTrigger.Finish => "SagaCompensated",
        SagaTrigger.Fail => "SagaFailed",
        SagaTrigger.Resume => "SagaResumed",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
