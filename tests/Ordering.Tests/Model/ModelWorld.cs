using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests.Model;

internal enum Reservation { None, Reserved, Released, Committed }

internal enum Payment { None, Pending, Authorized, Declined, Failed, Voided, Captured }

internal enum Shipment { None, ReadyToShip, Cancelled, Dispatched }

// Inventory, Payments and Shipping as the saga meets them: each command is answered the way the real module's
// handler answers it (repeats included), so the model's state is what those modules would hold.
internal sealed class ModelWorld(Guid orderId, bool inStock, PaymentBehaviour behaviour)
{
    private readonly Guid _reservationId = Guid.NewGuid();
    private readonly Guid _paymentId = Guid.NewGuid();
    private readonly Guid _shipmentId = Guid.NewGuid();
    private bool _inStock = inStock;

    public Reservation Reservation { get; private set; }
    public Payment Payment { get; private set; }
    public Shipment Shipment { get; private set; }
    public int Authorizations { get; private set; }

    public bool HoldsAnything =>
        Reservation == Reservation.Reserved || Payment is Payment.Authorized or Payment.Pending || Shipment == Shipment.ReadyToShip;

    public string Describe() => $"reservation {Reservation}, payment {Payment} ({Authorizations} authorizations), shipment {Shipment}";

    public void Restock() => _inStock = true;

    // The module's answer to one command; null when the real module answers nothing (yet).
    public object? Process(object command) => command switch
    {
        ReserveStock => Reserve(),
        ReleaseStock => Release(),
        CommitStock => Commit(),
        AuthorizePayment => Authorize(),
        VoidPayment => Void(),
        CapturePayment => Capture(),
        Shipping.Contracts.CreateShipment => Create(),
        Shipping.Contracts.CancelShipment => Cancel(),
        _ => throw new InvalidOperationException($"The model has no module for {command.GetType().Name}."),
    };

    // ReserveStockHandler: a released reservation (or its tombstone) refuses; a refusal itself is not recorded.
    private object Reserve()
    {
        switch (Reservation)
        {
            case Reservation.Reserved or Reservation.Committed:
                return new StockReserved(orderId, _reservationId);
            case Reservation.Released:
                return new StockReservationRejected(orderId, "The order's reservation was already released.");
            default:
                if (!_inStock)
                {
                    return new StockReservationRejected(orderId, "Not enough stock for 'MUG-01'.");
                }

                Reservation = Reservation.Reserved;
                return new StockReserved(orderId, _reservationId);
        }
    }

    private object Release()
    {
        if (Reservation is Reservation.Reserved or Reservation.None)
        {
            Reservation = Reservation.Released;
        }

        return new StockReleased(orderId);
    }

    private object? Commit()
    {
        if (Reservation == Reservation.Reserved)
        {
            Reservation = Reservation.Committed;
        }

        return null;
    }

    // AuthorizePaymentHandler: one payment per order; a repeat answers the payment's outcome, a pending one nothing.
    private object? Authorize()
    {
        switch (Payment)
        {
            case Payment.None:
                switch (behaviour)
                {
                    case PaymentBehaviour.Approve:
                        return Authorized();
                    case PaymentBehaviour.Decline:
                        Payment = Payment.Declined;
                        return new PaymentDeclined(orderId, _paymentId, "The card was declined.");
                    default:
                        Payment = Payment.Pending;
                        return null;
                }

            case Payment.Authorized or Payment.Captured:
                return new PaymentAuthorized(orderId, _paymentId);
            case Payment.Declined:
                return new PaymentDeclined(orderId, _paymentId, "The card was declined.");
            case Payment.Failed:
                return new PaymentFailed(orderId, _paymentId, "The payment provider did not answer after 4 attempts.");
            default:
                return null;
        }
    }

    // The provider's answer to a payment that Payments has been retrying.
    public object? ProviderAnswers()
    {
        if (Payment != Payment.Pending)
        {
            return null;
        }

        if (behaviour == PaymentBehaviour.RetryThenApprove)
        {
            return Authorized();
        }

        Payment = Payment.Failed;
        return new PaymentFailed(orderId, _paymentId, "The payment provider did not answer after 4 attempts.");
    }

    private PaymentAuthorized Authorized()
    {
        Payment = Payment.Authorized;
        Authorizations++;
        return new PaymentAuthorized(orderId, _paymentId);
    }

    // VoidPaymentHandler: a captured payment cannot be voided (the handler throws until the message is dead-lettered).
    private object? Void()
    {
        switch (Payment)
        {
            case Payment.Captured:
                return null;
            case Payment.None:
                Payment = Payment.Voided;
                return new PaymentVoided(orderId, null);
            case Payment.Authorized or Payment.Pending:
                Payment = Payment.Voided;
                return new PaymentVoided(orderId, _paymentId);
            default:
                return new PaymentVoided(orderId, _paymentId);
        }
    }

    private object? Capture()
    {
        if (Payment != Payment.Authorized)
        {
            return null;
        }

        Payment = Payment.Captured;
        return new PaymentCaptured(orderId, _paymentId);
    }

    // CreateShipmentHandler: one shipment per order; a cancel that came first leaves no trace, so it is created anyway.
    private ShipmentCreated Create()
    {
        if (Shipment == Shipment.None)
        {
            Shipment = Shipment.ReadyToShip;
        }

        return new ShipmentCreated(orderId, _shipmentId);
    }

    private object Cancel()
    {
        switch (Shipment)
        {
            case Shipment.None:
                return new ShipmentCancelled(orderId, null);
            case Shipment.ReadyToShip or Shipment.Cancelled:
                Shipment = Shipment.Cancelled;
                return new ShipmentCancelled(orderId, _shipmentId);
            default:
                return new ShipmentCancellationRefused(orderId, _shipmentId, ShipmentStatus.Dispatched);
        }
    }

    // The warehouse dispatches a shipment that is ready.
    public object? Dispatch()
    {
        if (Shipment != Shipment.ReadyToShip)
        {
            return null;
        }

        Shipment = Shipment.Dispatched;
        return new ShipmentDispatched(orderId, _shipmentId, "DHL", "JD0146000012345");
    }
}
