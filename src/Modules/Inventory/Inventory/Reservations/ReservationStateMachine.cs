using OrderManagement.BuildingBlocks.Domain;
using Stateless;

namespace OrderManagement.Inventory.Reservations;

// A reservation's lifecycle as a Stateless machine over the reservation's own Status; a trigger the table does not
// permit throws InvalidTransitionException (a 409 naming state and trigger).
internal static class ReservationStateMachine
{
    public static StateMachine<ReservationStatus, ReservationTrigger> For(StockReservation reservation)
    {
        var machine = new StateMachine<ReservationStatus, ReservationTrigger>(() => reservation.State, s => reservation.State = s);
        machine.Configure(ReservationStatus.Reserved)
            .Permit(ReservationTrigger.Release, ReservationStatus.Released)
            .Permit(ReservationTrigger.Commit, ReservationStatus.Committed);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(nameof(ReservationStatus), state.ToString(), trigger.ToString(), unmetGuards));
        return machine;
    }

    // The event under which a transition appears in the order's history.
    public static string EventOf(ReservationTrigger trigger) => trigger switch
    {
        ReservationTrigger.Release => "StockReleased",
        ReservationTrigger.Commit => "StockCommitted",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
