using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.Contracts;
using Stateless;

namespace OrderManagement.Payments.Payments;

// A payment's lifecycle as a Stateless machine over the payment's own Status; a trigger the table does not permit, or
// whose guard is unmet, throws InvalidTransitionException (a 409 naming state, trigger and unmet guard). Payments
// answers messages only, so no refusal has a problem type of its own.
internal static class PaymentStateMachine
{
    // An Authorized payment has one provider call due at most: a capture while a void is due (or the reverse) is refused.
    public const string NoVoidDue = "no void is due";
    public const string NoCaptureDue = "no capture is due";

    private static readonly TransitionRefusals<Payment, PaymentStatus, PaymentTrigger> Refusals = new(nameof(PaymentStatus));

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
            .PermitIf(PaymentTrigger.Capture, PaymentStatus.Captured, () => payment.Call != PaymentCall.Void, NoVoidDue)
            .PermitIf(PaymentTrigger.CapturePart, PaymentStatus.PartiallyCaptured, () => payment.Call != PaymentCall.Void, NoVoidDue)
            .PermitIf(PaymentTrigger.Void, PaymentStatus.Voided, () => payment.Call != PaymentCall.Capture, NoCaptureDue);
        machine.Configure(PaymentStatus.PartiallyCaptured)
            .Permit(PaymentTrigger.Capture, PaymentStatus.Captured)
            .PermitReentry(PaymentTrigger.CapturePart);
        machine.Configure(PaymentStatus.Captured)
            .Permit(PaymentTrigger.Refund, PaymentStatus.Refunded);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw Refusals.Refuse(payment, state, trigger, unmetGuards));
        return machine;
    }

    // Throws the machine's refusal when the trigger could not fire now: for a capture or void that is asked for now
    // and made by the worker later.
    public static void EnsurePermitted(Payment payment, PaymentTrigger trigger)
    {
        if (!For(payment).CanFire(trigger, out var unmetGuards))
        {
            throw Refusals.Refuse(payment, payment.Status, trigger, unmetGuards);
        }
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
