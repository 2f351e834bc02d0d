using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.Contracts;
using Stateless;

namespace OrderManagement.Payments.Payments;

// A payment's lifecycle as a Stateless machine over the payment's own Status; a trigger the table does not permit
// throws InvalidTransitionException (a 409 naming state and trigger).
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
        // Capture takes the payment to Captured (all of the authorized amount is captured); CapturePart captures a
        // part (one shipment's lines), and the payment stays PartiallyCaptured until the last part (docs/adr/0019).
        machine.Configure(PaymentStatus.Authorized)
            .Permit(PaymentTrigger.Capture, PaymentStatus.Captured)
            .Permit(PaymentTrigger.CapturePart, PaymentStatus.PartiallyCaptured)
            .Permit(PaymentTrigger.Void, PaymentStatus.Voided);
        machine.Configure(PaymentStatus.PartiallyCaptured)
            .Permit(PaymentTrigger.Capture, PaymentStatus.Captured)
            .PermitReentry(PaymentTrigger.CapturePart);
        machine.Configure(PaymentStatus.Captured)
            .Permit(PaymentTrigger.Refund, PaymentStatus.Refunded);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(nameof(PaymentStatus), state.ToString(), trigger.ToString(), unmetGuards));
        return machine;
    }

    // The event under which a transition appears in the order's history.
    public static string EventOf(PaymentTrigger trigger) => trigger switch
    {
        PaymentTrigger.Authorize => "PaymentAuthorized",
        PaymentTrigger.Decline => "PaymentDeclined",
        PaymentTrigger.Fail => "PaymentFailed",
        PaymentTrigger.Capture => "PaymentCaptured",
        PaymentTrigger.CapturePart => "PaymentPartiallyCaptured",
        PaymentTrigger.Void => "PaymentVoided",
        PaymentTrigger.Refund => "PaymentRefunded",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
