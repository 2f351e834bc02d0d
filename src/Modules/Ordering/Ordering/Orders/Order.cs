using OrderManagement.BuildingBlocks.History;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Orders;

// The storefront's order. Its status changes only through the state machine; payment and shipment
// fields mirror what the owning modules reported, so one read answers "where is my order".
internal sealed partial class Order
{
    private Order()
    {
    }

    public Guid Id { get; private init; }
    public long Sequence { get; private init; }
    public required string CustomerId { get; init; }
    public OrderStatus Status { get; internal set; }
    public RejectionReason? RejectionReason { get; private set; }
    public required string Currency { get; init; }
    public List<OrderLine> Lines { get; private init; } = [];
    public decimal Total { get; private set; }
    public required ShippingAddress ShippingAddress { get; init; }
    public required string PaymentMethod { get; init; }
    public required string PaymentToken { get; init; }
    public Guid? PaymentId { get; private set; }
    public PaymentStatus? PaymentStatus { get; private set; }
    public Guid? ShipmentId { get; private set; }
    public ShipmentStatus? ShipmentStatus { get; private set; }
    public string? TrackingNumber { get; private set; }

    // What Payments has refunded for the order's returns (docs/adr/0020), in Currency; 0 until a refund is made.
    public decimal RefundedAmount { get; private set; }
    public DateTimeOffset? CancellationRequestedAt { get; private set; }

    // Set while the order waits in review (ADR 0018): why, since when, and when nobody deciding rejects it.
    public List<string>? HoldReasons { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset? HoldExpiresAt { get; private set; }
    public List<OrderShipment> Shipments { get; private init; } = [];
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Order Place(Guid id, string customerId, string currency, IEnumerable<OrderLine> lines, ShippingAddress address,
        string paymentMethod, string paymentToken, DateTimeOffset now)
    {
        var orderLines = lines.ToList();
        return new Order
        {
            Id = id,
            CustomerId = customerId,
            Currency = currency,
            Lines = orderLines,
            Total = orderLines.Sum(l => l.LineTotal),
            ShippingAddress = address,
            PaymentMethod = paymentMethod,
            PaymentToken = paymentToken,
            Status = OrderStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    // Whether the machine would fire the trigger now (its state permits it and its guard holds).
    public bool CanFire(OrderTrigger trigger) => OrderStateMachine.For(this).CanFire(trigger);

    // Fires a lifecycle trigger; the machine writes the transition to the order's history. An illegal one throws,
    // naming the state and trigger.
    public void Fire(OrderTrigger trigger, DateTimeOffset now, IHistoryLog history, string? detail = null, RejectionReason? reason = null)
    {
        var machine = OrderStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(Id, "Order", Id, OrderStateMachine.EventOf(t.Trigger),
            t.Source.ToString(), t.Destination.ToString(), detail));
        machine.Fire(trigger);
        RejectionReason = reason;
        if (Status is not (OrderStatus.Pending or OrderStatus.Confirmed))
        {
            CancellationRequestedAt = null;
        }

        if (Status != OrderStatus.Pending)
        {
            ClearHold();
        }

        Touch(now);
    }

    public void Hold(IReadOnlyList<string> reasons, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        HoldReasons = [.. reasons];
        HeldAt = now;
        HoldExpiresAt = expiresAt;
        Touch(now);
    }

    // The review is decided (or given up): the order no longer waits for it.
    public void ReleaseHold(DateTimeOffset now)
    {
        if (HeldAt is not null)
        {
            ClearHold();
            Touch(now);
        }
    }

    private void ClearHold()
    {
        HoldReasons = null;
        HeldAt = null;
        HoldExpiresAt = null;
    }

    // Shown from the moment a cancellation is accepted until it completes or is refused. An order being cancelled no
    // longer waits in review.
    public void CancellationRequested(DateTimeOffset now)
    {
        CancellationRequestedAt = now;
        ClearHold();
        Touch(now);
    }

    public void CancellationRefused(DateTimeOffset now)
    {
        CancellationRequestedAt = null;
        Touch(now);
    }

    // The mirrors only move forward: a late or repeated report of an earlier state does not undo a later one.
    public void PaymentChanged(Guid? paymentId, PaymentStatus status, DateTimeOffset now)
    {
        if (PaymentStatus is { } current && MirroredStatus.Rank(status) <= MirroredStatus.Rank(current))
        {
            return;
        }

        PaymentId = paymentId ?? PaymentId;
        PaymentStatus = status;
        Touch(now);
    }

    // Payments refunded part or all of what it captured: the total only grows, whatever order the answers arrive in.
    public void RefundChanged(Guid paymentId, decimal refundedAmount, PaymentStatus paymentStatus, DateTimeOffset now)
    {
        if (refundedAmount > RefundedAmount)
        {
            RefundedAmount = refundedAmount;
            Touch(now);
        }

        PaymentChanged(paymentId, paymentStatus, now);
    }

    public void ShipmentChanged(Guid? shipmentId, ShipmentStatus status, DateTimeOffset now, string? trackingNumber = null)
    {
        if (ShipmentStatus is { } current && MirroredStatus.Rank(status) <= MirroredStatus.Rank(current))
        {
            return;
        }

        ShipmentId = shipmentId ?? ShipmentId;
        ShipmentStatus = status;
        TrackingNumber = trackingNumber ?? TrackingNumber;
        Touch(now);
    }

    // Units of the SKU that have left in dispatched shipments.
    public int ShippedQuantity(string sku) =>
        Shipments.Where(s => s.HasLeft).SelectMany(s => s.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);

    public bool EveryUnitShipped => Lines.All(l => ShippedQuantity(l.Sku) >= Lines.Where(o => o.Sku == l.Sku).Sum(o => o.Quantity));

    // Every shipment that left has been delivered (Shipped orders only: then every unit has left).
    public bool EveryShipmentDelivered => Shipments.Where(s => s.HasLeft).All(s => s.Status == Shipping.Contracts.ShipmentStatus.Delivered);

    // A shipment carved out of the remainder (docs/adr/0019); a repeat of the report changes nothing.
    public void ShipmentPlanned(Guid shipmentId, IEnumerable<OrderShipmentLine> lines, DateTimeOffset now)
    {
        if (Shipments.Any(s => s.ShipmentId == shipmentId))
        {
            return;
        }

        Shipments.Add(new OrderShipment { ShipmentId = shipmentId, Lines = [.. lines] });
        Touch(now);
    }

    // Answers false when the shipment was already known to have left (a repeated report).
    public bool ShipmentLeft(Guid shipmentId, string carrier, string trackingNumber, IEnumerable<OrderShipmentLine> lines, DateTimeOffset now)
    {
        var shipment = Shipments.FirstOrDefault(s => s.ShipmentId == shipmentId);
        if (shipment is { HasLeft: true })
        {
            return false;
        }

        if (shipment is null)
        {
            shipment = new OrderShipment { ShipmentId = shipmentId };
            Shipments.Add(shipment);
        }

        shipment.Status = Shipping.Contracts.ShipmentStatus.Dispatched;
        shipment.Carrier = carrier;
        shipment.TrackingNumber = trackingNumber;
        shipment.Lines = [.. lines];
        shipment.DispatchedAt = now;
        Touch(now);
        return true;
    }

    public void ShipmentArrived(Guid shipmentId, DateTimeOffset now)
    {
        if (Shipments.FirstOrDefault(s => s.ShipmentId == shipmentId) is { Status: Shipping.Contracts.ShipmentStatus.Dispatched } shipment)
        {
            shipment.Status = Shipping.Contracts.ShipmentStatus.Delivered;
            shipment.DeliveredAt = now;
            Touch(now);
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
