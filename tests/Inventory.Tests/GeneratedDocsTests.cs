using OrderManagement.Inventory.Reservations;
using OrderManagement.TestKit;

namespace OrderManagement.Inventory.Tests;

// docs/state-machines/reservation.md is Stateless's export of this machine; regenerate with build/docs.sh.
public sealed class GeneratedDocsTests
{
    [Fact]
    public void Given_the_reservation_machine_When_exported_Then_docs_state_machines_reservation_md_is_current() =>
        StateMachineDocument.AssertCurrent("reservation", "Stock reservation",
            "src/Modules/Inventory/Inventory/Reservations/ReservationStateMachine.cs",
            ReservationStateMachine.For(StockReservation.Create(Guid.Empty, [], DateTimeOffset.UnixEpoch)));
}
