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

        order.ShipmentChanged(dispatched.ShipmentId, "Dispatched", Now, dispatched.TrackingNumber);
        order.Fire(OrderTrigger.Ship, Now, db, $"{dispatched.Carrier} {dispatched.TrackingNumber}");
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
        order.Fire(OrderTrigger.Deliver, Now, db);
    }

    private void ConfirmAfterLostCancellation(Order order)
    {
        order.Fire(OrderTrigger.Confirm, Now, db, "the shipment left before the cancellation reached it");
        RecordConfirmed(order);
    }

    // Payments is retrying the provider: the order shows the payment from now on, and the saga says why it waits.
    public void PaymentRetrying(Order order, FulfilmentSaga saga, PaymentAttemptFailed failed)
    {
        order.PaymentChanged(failed.PaymentId, "Pending", Now);
        if (saga.CurrentStep == SagaStep.AuthorizePayment && saga.Status == SagaStatus.Running)
        {
            saga.LastError = $"Payments: attempt {failed.Attempt} of {failed.MaxAttempts} failed ({failed.Reason}); it retries.";
        }
    }

    public void Captured(Order order, PaymentCaptured captured) =>
        order.PaymentChanged(captured.PaymentId, captured.Status ?? "Captured", Now);
}
