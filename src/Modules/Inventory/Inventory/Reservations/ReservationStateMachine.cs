using OrderManagement.BuildingBlocks.Domain;
using Stateless;

namespace OrderManagement.Inventory.Reservations;

// A reservation's lifecycle as a Stateless machine over the reservation's own Status; a trigger the table does not
// permit throws InvalidTransitionException (a 409 naming state and trigger). Inventory answers messages only, so no
// refusal has a problem type of its own.
internal static class ReservationStateMachine
{
    private static readonly TransitionRefusals<StockReservation, ReservationStatus, ReservationTrigger> Refusals = new(nameof(ReservationStatus));

    public static StateMachine<ReservationStatus, ReservationTrigger> For(StockReservation reservation)
    {
        var machine = new StateMachine<ReservationStatus, ReservationTrigger>(() => reservation.State, s => reservation.State = s);
        machine.Configure(ReservationStatus.Reserved)
            .Permit(ReservationTrigger.Release, ReservationStatus.Released)
            .Permit(ReservationTrigger.Commit, ReservationStatus.Committed);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw Refusals.Refuse(reservation, state, trigger, unmetGuards));
        return machine;
    }

    // Throws the machine's refusal unless the trigger could fire now: for a partial commit, which leaves the reservation
    // Reserved until its last units are committed.
    public static void EnsurePermitted(StockReservation reservation, ReservationTrigger trigger)
    {
        if (!For(reservation).CanFire(trigger, out var unmetGuards))
        {
            throw Refusals.Refuse(reservation, reservation.State, trigger, unmetGuards);
        }
    }

    // The event under which a transition appears in the order's history.
    public static string EventOf(ReservationTrigger trigger) => trigger switch
    {
        ReservationTrigger.Release => "StockReleased",
        ReservationTrigger.Commit => "StockCommitted",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
