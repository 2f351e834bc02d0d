using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Inventory.Reservations;

internal sealed class StockReservation
{
    private StockReservation()
    {
    }

    public Guid Id { get; private init; }
    public Guid OrderId { get; private init; }
    public ReservationStatus Status { get; private set; }
    // The units still reserved or committed for the order: a line cancellation (docs/adr/0021) takes its units off.
    public List<ReservationLine> Lines { get; private init; } = [];

    // The line cancellations whose units were given back, one entry each, so a repeat changes nothing.
    public List<StockLineRelease> LineReleases { get; private init; } = [];
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static StockReservation Create(Guid orderId, IEnumerable<ReservationLine> lines, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Status = ReservationStatus.Reserved,
        Lines = lines.ToList(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    // A release that arrives before the reservation leaves this behind, so a late reservation request is refused.
    public static StockReservation ReleasedBeforeReservation(Guid orderId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Status = ReservationStatus.Released,
        CreatedAt = now,
        UpdatedAt = now,
    };

    // Gives back units of a line cancellation; the caller has checked that they are reserved and not committed.
    public void ReleaseLines(Guid cancellationId, IReadOnlyList<ReservationLine> lines, DateTimeOffset now)
    {
        var left = Lines.Select(l => l with { Quantity = l.Quantity - lines.Where(r => r.Sku == l.Sku).Sum(r => r.Quantity) }).ToList();
        Lines.Clear();
        Lines.AddRange(left);
        LineReleases.Add(new StockLineRelease { CancellationId = cancellationId, Lines = [.. lines], ReleasedAt = now });
        UpdatedAt = now;
    }

    // Fires a lifecycle trigger; the machine writes the transition to the order's history. An illegal one throws,
    // naming the state and trigger.
    public void Fire(ReservationTrigger trigger, DateTimeOffset now, IHistoryLog history)
    {
        var machine = ReservationStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(OrderId, "Reservation", Id, ReservationStateMachine.EventOf(t.Trigger),
            t.Source.ToString(), t.Destination.ToString()));
        machine.Fire(trigger);
        UpdatedAt = now;
    }

    internal ReservationStatus State
    {
        get => Status;
        set => Status = value;
    }
}
