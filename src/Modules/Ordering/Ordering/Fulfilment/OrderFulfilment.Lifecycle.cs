using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// After confirmation the warehouse drives the order: Shipping is the authority on dispatch and delivery.
internal sealed partial class OrderFulfilment
{
    public void Dispatched(Order order, ShipmentDispatched dispatched)
    {
        if (order.Status != OrderStatus.Confirmed)
        {
            return;
        }

        order.ShipmentChanged(dispatched.ShipmentId, "Dispatched", Now, dispatched.TrackingNumber);
        var (from, to) = order.Fire(OrderTrigger.Ship, Now);
        db.RecordHistory(order.Id, "Order", order.Id, "OrderShipped", from, to, $"{dispatched.Carrier} {dispatched.TrackingNumber}");
        db.Publish(new CapturePayment(order.Id));
        db.Publish(new CommitStock(order.Id));
    }

    public void Delivered(Order order, ShipmentDelivered delivered)
    {
        if (order.Status != OrderStatus.Shipped)
        {
            return;
        }

        order.ShipmentChanged(delivered.ShipmentId, "Delivered", Now);
        var (from, to) = order.Fire(OrderTrigger.Deliver, Now);
        db.RecordHistory(order.Id, "Order", order.Id, "OrderDelivered", from, to);
    }

    public static void Captured(Order order, PaymentCaptured captured, DateTimeOffset now) =>
        order.PaymentChanged(captured.PaymentId, "Captured", now);
}
