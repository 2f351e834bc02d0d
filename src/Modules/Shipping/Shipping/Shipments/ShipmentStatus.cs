namespace OrderManagement.Shipping.Shipments;

internal enum ShipmentStatus
{
    ReadyToShip,
    Dispatched,
    Delivered,
    Cancelled,
}

internal enum ShipmentTrigger
{
    Dispatch,
    Deliver,
    Cancel,
}
