namespace OrderManagement.Inventory.Reservations;

internal enum ReservationStatus
{
    Reserved,
    Released,
    Committed,
}

internal enum ReservationTrigger
{
    Release,
    Commit,
}
