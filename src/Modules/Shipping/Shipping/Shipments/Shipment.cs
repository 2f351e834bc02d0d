using OrderManagement.BuildingBlocks.History;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Shipping.Shipments;

internal sealed class Shipment
{
    private Shipment()
    {
    }

    public Guid Id { get; private init; }
    public Guid OrderId { get; private init; }
    public ShipmentStatus Status { get; internal set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public List<ShipmentLineItem> Lines { get; private init; } = [];

    // The saga's shipment of the order: it holds every unit no carved-out shipment took (docs/adr/0019).
    public bool IsRemainder { get; private init; }

    // Units taken off this remainder by line cancellations (docs/adr/0021), one entry per cancellation.
    public List<ShipmentLineCancellation> LineCancellations { get; private init; } = [];
    public required string AddressJson { get; init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Shipment Create(Guid orderId, IEnumerable<ShipmentLineItem> lines, string addressJson, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Status = ShipmentStatus.ReadyToShip,
        Lines = lines.ToList(),
        IsRemainder = true,
        AddressJson = addressJson,
        CreatedAt = now,
        UpdatedAt = now,
    };

    // Moves the units out of this remainder into a new shipment to the same address; the caller has checked that the
    // remainder is ReadyToShip and holds them. A remainder left with no unit is Cancelled.
    public Shipment Carve(IReadOnlyList<ShipmentLineItem> lines, DateTimeOffset now, IHistoryLog history)
    {
        var left = Lines.Select(l => l with { Quantity = l.Quantity - lines.Where(c => c.Sku == l.Sku).Sum(c => c.Quantity) })
            .Where(l => l.Quantity > 0).ToList();
        Lines.Clear();
        Lines.AddRange(left);
        UpdatedAt = now;
        var carved = new Shipment
        {
            Id = Guid.CreateVersion7(),
            OrderId = OrderId,
            Status = ShipmentStatus.ReadyToShip,
            Lines = [.. lines],
            AddressJson = AddressJson,
            CreatedAt = now,
            UpdatedAt = now,
        };
        history.Record(OrderId, "Shipment", carved.Id, "ShipmentCreated", null, nameof(ShipmentStatus.ReadyToShip),
            string.Join(", ", lines.Select(l => $"{l.Quantity} x {l.Sku}")) + $", carved out of shipment {Id}");
        if (Lines.Count == 0)
        {
            Apply(ShipmentTrigger.Cancel, now, history, $"every unit moved to shipment {carved.Id}");
        }

        return carved;
    }

    // Takes the units of a line cancellation off this remainder; the caller has checked that it is ReadyToShip and holds
    // them. A remainder left with no unit is Cancelled.
    public void CancelLines(Guid cancellationId, IReadOnlyList<ShipmentLineItem> lines, DateTimeOffset now, IHistoryLog history)
    {
        var left = Lines.Select(l => l with { Quantity = l.Quantity - lines.Where(c => c.Sku == l.Sku).Sum(c => c.Quantity) })
            .Where(l => l.Quantity > 0).ToList();
        Lines.Clear();
        Lines.AddRange(left);
        LineCancellations.Add(new ShipmentLineCancellation { CancellationId = cancellationId, Lines = [.. lines], CancelledAt = now });
        UpdatedAt = now;
        history.Record(OrderId, "Shipment", Id, "ShipmentLinesCancelled", Status.ToString(), Status.ToString(),
            string.Join(", ", lines.Select(l => $"{l.Quantity} x {l.Sku}")) + $" taken off (line cancellation {cancellationId})");
        if (Lines.Count == 0)
        {
            Apply(ShipmentTrigger.Cancel, now, history, $"every unit left was cancelled (line cancellation {cancellationId})");
        }
    }

    public int Units(string sku) => Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity);

    public void Dispatch(string carrier, string trackingNumber, DateTimeOffset now, IHistoryLog history)
    {
        Apply(ShipmentTrigger.Dispatch, now, history, $"{carrier} {trackingNumber}");
        Carrier = carrier;
        TrackingNumber = trackingNumber;
    }

    // Fires a lifecycle trigger; the machine writes the transition to the order's history. An illegal one throws,
    // naming the state and trigger.
    public void Apply(ShipmentTrigger trigger, DateTimeOffset now, IHistoryLog history, string? detail = null)
    {
        var machine = ShipmentStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(OrderId, "Shipment", Id, ShipmentStateMachine.EventOf(t.Trigger),
            t.Source.ToString(), t.Destination.ToString(), detail));
        machine.Fire(trigger);
        UpdatedAt = now;
    }
}
