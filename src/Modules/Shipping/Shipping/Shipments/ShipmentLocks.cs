namespace OrderManagement.Shipping.Shipments;

// The transaction lock (PostgreSQL advisory) that orders every change to one order's shipments: creation, carving one
// out, dispatch and cancellation, so that a race between them is decided by whichever commits first.
internal static class ShipmentLocks
{
    public static string OfOrder(Guid orderId) => "shipment-of-order:" + orderId.ToString("N");
}
