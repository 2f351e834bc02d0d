namespace OrderManagement.Shipping.Contracts;

// Stable names under which these messages are stored; never change one that has been released.
public static class ShippingMessageNames
{
    public static IReadOnlyDictionary<Type, string> All { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateShipment)] = "shipping.create-shipment.v1",
        [typeof(CancelShipment)] = "shipping.cancel-shipment.v1",
        [typeof(ShipmentCreated)] = "shipping.shipment-created.v1",
        [typeof(ShipmentCancelled)] = "shipping.shipment-cancelled.v1",
        [typeof(ShipmentCancellationRefused)] = "shipping.shipment-cancellation-refused.v1",
        [typeof(ShipmentDispatched)] = "shipping.shipment-dispatched.v1",
        [typeof(ShipmentDelivered)] = "shipping.shipment-delivered.v1",
        [typeof(ShipmentSplit)] = "shipping.shipment-split.v1",
        [typeof(CancelShipmentLines)] = "shipping.cancel-shipment-lines.v1",
        [typeof(ShipmentLinesCancelled)] = "shipping.shipment-lines-cancelled.v1",
        [typeof(ShipmentLinesCancellationRefused)] = "shipping.shipment-lines-cancellation-refused.v1",
    };
}
