using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Shipping.Contracts;
using Stateless;

namespace OrderManagement.Shipping.Shipments;

// A shipment's lifecycle as a Stateless machine over the shipment's own Status; a trigger the table does not permit
// throws InvalidTransitionException (a 409 naming state and trigger).
internal static class ShipmentStateMachine
{
    public static StateMachine<ShipmentStatus, ShipmentTrigger> For(Shipment shipment)
    {
        var machine = new StateMachine<ShipmentStatus, ShipmentTrigger>(() => shipment.Status, s => shipment.Status = s);
        machine.Configure(ShipmentStatus.ReadyToShip)
            .Permit(ShipmentTrigger.Dispatch, ShipmentStatus.Dispatched)
            .Permit(ShipmentTrigger.Cancel, ShipmentStatus.Cancelled);
        machine.Configure(ShipmentStatus.Dispatched)
            .Permit(ShipmentTrigger.Deliver, ShipmentStatus.Delivered);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(nameof(ShipmentStatus), state.ToString(), trigger.ToString(), unmetGuards));
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
