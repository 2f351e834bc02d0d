namespace OrderManagement.Inventory.Reservations;

// What moves a reservation's ReservationStatus (ReservationStateMachine).
internal enum ReservationTrigger
{
    Release,
    Commit,
}
