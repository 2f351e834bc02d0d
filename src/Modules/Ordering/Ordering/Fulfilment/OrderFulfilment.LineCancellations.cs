using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// Shipping decided a line cancellation (docs/adr/0021). When the units came off, the order's lines and total follow and,
// in the same transaction, Inventory is asked to release their stock and Payments to reduce the authorization.
internal sealed partial class OrderFulfilment
{
    public void LinesCancelled(Order order, ShipmentLinesCancelled cancelled)
    {
        if (order.LinesCancelled(cancelled.CancellationId, Now, history) is not { } cancellation)
        {
            return;
        }

        outbox.Publish(new ReleaseStockLines(order.Id, cancellation.CancellationId, [.. cancellation.Lines.Select(l => new StockLine(l.Sku, l.Quantity))]));
        if (cancellation.Amount > 0)
        {
            outbox.Publish(new ReduceAuthorization(order.Id, cancellation.CancellationId, cancellation.Amount));
        }

        // Every other unit has already left in its parcels (their dispatch may even have been reported first): the order
        // is Shipped now, and Delivered if those parcels are.
        if (order.Shipments.Any(s => s.HasLeft) && order.CanFire(OrderTrigger.Ship))
        {
            order.ShipmentChanged(null, ShipmentStatus.Dispatched, Now);
            order.Fire(OrderTrigger.Ship, Now, history, "every unit not cancelled has left");
            if (order.CanFire(OrderTrigger.Deliver))
            {
                order.ShipmentChanged(null, ShipmentStatus.Delivered, Now);
                order.Fire(OrderTrigger.Deliver, Now, history);
            }
        }
    }

    public void LineCancellationRefused(Order order, ShipmentLinesCancellationRefused refused) =>
        order.LineCancellationRefused(refused.CancellationId, refused.Reason, Now, history);
}
