using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Shipping.Contracts;
using Stateless;

namespace OrderManagement.Shipping.Shipments;

// A shipment's lifecycle as a Stateless machine over the shipment's own Status. A trigger the table does not permit
// throws InvalidTransitionException: the problem Refusals maps it to, or a 409 naming state and trigger.
internal static class ShipmentStateMachine
{
    // The API's own words for a dispatch or delivery the machine refuses.
    public static readonly TransitionRefusals<Shipment, ShipmentStatus, ShipmentTrigger> Refusals = new TransitionRefusals<Shipment, ShipmentStatus, ShipmentTrigger>(nameof(ShipmentStatus))
        .On(ShipmentTrigger.Dispatch, "shipment-not-ready",
            (shipment, state) => $"Shipment {shipment.Id} is {state}; only a ReadyToShip shipment can be dispatched.")
        .On(ShipmentTrigger.Deliver, "shipment-not-dispatched",
            (shipment, state) => $"Shipment {shipment.Id} is {state}; only a Dispatched shipment can be delivered.");

    public static StateMachine<ShipmentStatus, ShipmentTrigger> For(Shipment shipment)
    {
        var machine = new StateMachine<ShipmentStatus, ShipmentTrigger>(() => shipment.Status, s => shipment.Status = s);
        machine.Configure(ShipmentStatus.ReadyToShip)
            .Permit(ShipmentTrigger.Dispatch, ShipmentStatus.Dispatched)
            .Permit(ShipmentTrigger.Cancel, ShipmentStatus.Cancelled);
        machine.Configure(ShipmentStatus.Dispatched)
            .Permit(ShipmentTrigger.Deliver, ShipmentStatus.Delivered);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw Refusals.Refuse(shipment, state, trigger, unmetGuards));
        return machine;
    }

    // The event under which a transition appears in the order's history.
    public static string EventOf(ShipmentTrigger trigger) => trigger switch
    {
        ShipmentTrigger.Dispatch => "ShipmentDispatched",
        ShipmentTrigger.Deliver => "ShipmentDelivered",
        ShipmentTrigger.Cancel => "ShipmentCancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
