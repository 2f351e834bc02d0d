using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.Inventory.Reservations;

internal static class ReservationStateMachine
{
    public static StateMachine<ReservationStatus, ReservationTrigger> For(StockReservation reservation)
    {
        var machine = new StateMachine<ReservationStatus, ReservationTrigger>(() => reservation.State, s => reservation.State = s);
        machine.Configure(ReservationStatus.Reserved)
            .Permit(ReservationTrigger.Release, ReservationStatus.Released)
            .Permit(ReservationTrigger.Commit, ReservationStatus.Committed);
        return machine;
    }
}
