using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.Payments.Payments;

internal static class PaymentStateMachine
{
    public static StateMachine<PaymentStatus, PaymentTrigger> For(Payment payment)
    {
        var machine = new StateMachine<PaymentStatus, PaymentTrigger>(() => payment.Status, s => payment.Status = s);
        machine.Configure(PaymentStatus.Pending)
            .Permit(PaymentTrigger.Authorize, PaymentStatus.Authorized)
            .Permit(PaymentTrigger.Decline, PaymentStatus.Declined)
            .Permit(PaymentTrigger.Fail, PaymentStatus.Failed)
            .Permit(PaymentTrigger.Void, PaymentStatus.Voided);
        machine.Configure(PaymentStatus.Authorized)
            .Permit(PaymentTrigger.Capture, PaymentStatus.Captured)
            .Permit(PaymentTrigger.Void, PaymentStatus.Voided);
        machine.Configure(PaymentStatus.Captured)
            .Permit(PaymentTrigger.Refund, PaymentStatus.Refunded);
        return machine;
    }
}
