using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.Shipping.Shipments;

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
        return machine;
    }
}
