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
    public List<ReservationLine> Lines { get; private init; } = [];
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
