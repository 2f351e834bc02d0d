using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.Ordering.Fulfilment;

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
        return machine;
    }
}
