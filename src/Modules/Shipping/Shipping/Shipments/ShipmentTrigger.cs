namespace OrderManagement.Shipping.Shipments;

internal enum ShipmentTrigger
{
    Dispatch,
    Deliver,
    Cancel,
}
