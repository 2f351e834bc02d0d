using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// After confirmation the warehouse drives the order: Shipping is the authority on dispatch and delivery.
internal sealed partial class OrderFulfilment
{
    public void Dispatched(Order order, FulfilmentSaga saga, ShipmentDispatched dispatched)
    {
        // The dispatch overtook a redelivered ShipmentCreated: the shipment exists, so take that answer first.
        if (saga.IsWaitingFor(SagaStep.CreateShipment))
        {
            Handle(order, saga, new ShipmentCreated(order.Id, dispatched.ShipmentId));
        }

        // Cancelled while its shipment was being created, the order stayed Pending; a dispatch of that shipment
        // means the cancellation will be refused, so the order is confirmed on its way to Shipped.
        if (order.Status == OrderStatus.Pending && order.ShipmentId == dispatched.ShipmentId)
        {
            ConfirmAfterLostCancellation(order);
        }

        if (order.Status != OrderStatus.Confirmed)
        {
            return;
        }

        // A shipment that takes every unit of the order (nothing was carved out of it) settles the order whole, as
        // before partial shipments; any other captures and commits its own lines, once per shipment (docs/adr/0019).
        // After a line cancellation every parcel names its money and units: "the rest" could take the cancelled units
        // if it reached Payments or Inventory before the reduction or release did (docs/adr/0021).
        var lines = dispatched.Lines?.Select(l => new OrderShipmentLine(l.Sku, l.Quantity)).ToList()
            ?? [.. order.Lines.Select(l => new OrderShipmentLine(l.Sku, l.Quantity))];
        var whole = order.Shipments.Count == 0 && !order.HasCancelledLines && TakesEveryUnit(order, lines);
        if (!order.ShipmentLeft(dispatched.ShipmentId, dispatched.Carrier, dispatched.TrackingNumber, lines, Now))
        {
            return;
        }

        if (whole)
        {
            outbox.Publish(new CapturePayment(order.Id));
            outbox.Publish(new CommitStock(order.Id));
        }
        else
        {
            var amount = lines.Sum(l => order.Lines.First(o => o.Sku == l.Sku).UnitPrice * l.Quantity);
            if (amount > 0)
            {
                outbox.Publish(new CapturePayment(order.Id, dispatched.ShipmentId, amount));
            }

            outbox.Publish(new CommitStock(order.Id, dispatched.ShipmentId, [.. lines.Select(l => new StockLine(l.Sku, l.Quantity))]));
        }

        var detail = $"{dispatched.Carrier} {dispatched.TrackingNumber}";
        if (!order.CanFire(OrderTrigger.Ship))
        {
            // Order-subject, so the storefront's webhook gets order.partially_shipped for this parcel.
            history.Record(order.Id, "Order", order.Id, "OrderPartiallyShipped", order.Status.ToString(), order.Status.ToString(),
                $"{detail}: " + string.Join(", ", lines.Select(l => $"{l.Quantity} x {l.Sku}")));
            return;
        }

        order.ShipmentChanged(whole ? dispatched.ShipmentId : null, ShipmentStatus.Dispatched, Now, dispatched.TrackingNumber);
        order.Fire(OrderTrigger.Ship, Now, history, detail);
    }

    public void Delivered(Order order, ShipmentDelivered delivered)
    {
        order.ShipmentArrived(delivered.ShipmentId, Now);
        if (!order.CanFire(OrderTrigger.Deliver)) // Shipped, and every shipment that left is delivered
        {
            return;
        }

        order.ShipmentChanged(order.Shipments.Count <= 1 ? delivered.ShipmentId : null, ShipmentStatus.Delivered, Now);
        order.Fire(OrderTrigger.Deliver, Now, history);
    }

    // A shipment carved out of the remainder: the order lists it from now on (ReadyToShip).
    public void Split(Order order, ShipmentSplit split) =>
        order.ShipmentPlanned(split.ShipmentId, split.Lines.Select(l => new OrderShipmentLine(l.Sku, l.Quantity)), Now);

    private static bool TakesEveryUnit(Order order, IReadOnlyList<OrderShipmentLine> lines) =>
        order.Lines.GroupBy(l => l.Sku).All(g => lines.Where(l => l.Sku == g.Key).Sum(l => l.Quantity) == g.Sum(l => l.Quantity));

    private void ConfirmAfterLostCancellation(Order order)
    {
        order.Fire(OrderTrigger.Confirm, Now, history, "the shipment left before the cancellation reached it");
        RecordConfirmed(order);
    }

    // Payments is retrying the provider: the order shows the payment from now on, and the saga says why it waits.
    public void PaymentRetrying(Order order, FulfilmentSaga saga, PaymentAttemptFailed failed)
    {
        order.PaymentChanged(failed.PaymentId, PaymentStatus.Pending, Now);
        if (saga.CurrentStep == SagaStep.AuthorizePayment && saga.Status == SagaStatus.Running)
        {
            saga.LastError = $"Payments: attempt {failed.Attempt} of {failed.MaxAttempts} failed ({failed.Reason}); it retries.";
        }
    }

    public void Captured(Order order, PaymentCaptured captured) =>
        order.PaymentChanged(captured.PaymentId, captured.Status ?? PaymentStatus.Captured, Now);
}
