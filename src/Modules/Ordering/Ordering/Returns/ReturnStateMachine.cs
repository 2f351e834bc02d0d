using OrderManagement.BuildingBlocks.Domain;
using Stateless;

namespace OrderManagement.Ordering.Returns;

// A return's lifecycle as a Stateless machine over the return's own Status (docs/adr/0020): requested by the storefront
// or an operator, received (or rejected) by an operator, refunded when Payments confirms. An illegal trigger throws
// InvalidTransitionException, the 409 invalid-transition naming state and trigger (the API documents no other problem
// for a return's receipt or rejection).
internal static class ReturnStateMachine
{
    private static readonly TransitionRefusals<Return, ReturnStatus, ReturnTrigger> Refusals = new(nameof(ReturnStatus));

    public static StateMachine<ReturnStatus, ReturnTrigger> For(Return @return)
    {
        var machine = new StateMachine<ReturnStatus, ReturnTrigger>(() => @return.Status, s => @return.Status = s);
        machine.Configure(ReturnStatus.Requested)
            .Permit(ReturnTrigger.Receive, ReturnStatus.Received)
            .Permit(ReturnTrigger.Reject, ReturnStatus.Rejected);
        machine.Configure(ReturnStatus.Received)
            .Permit(ReturnTrigger.Refund, ReturnStatus.Refunded);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw Refusals.Refuse(@return, state, trigger, unmetGuards));
        return machine;
    }

    // The event under which a transition appears in the order's history.
    public static string EventOf(ReturnTrigger trigger) => trigger switch
    {
        ReturnTrigger.Receive => "ReturnReceived",
        ReturnTrigger.Refund => "RefundIssued",
        ReturnTrigger.Reject => "ReturnRejected",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
