using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using Shouldly;

namespace OrderManagement.Inventory.Tests;

// A stock reservation's machine through the real aggregate and the module's real DbContext: each permitted trigger
// moves the reservation and writes one history entry; every other pair of state and trigger is refused, naming
// both, and changes nothing.
public sealed class ReservationStateMachineTests(InventoryModuleFixture fixture) : IClassFixture<InventoryModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<(ReservationStatus From, ReservationTrigger Trigger), (ReservationStatus To, string Event)> Permitted = new()
    {
        [(ReservationStatus.Reserved, ReservationTrigger.Release)] = (ReservationStatus.Released, "StockReleased"),
        [(ReservationStatus.Reserved, ReservationTrigger.Commit)] = (ReservationStatus.Committed, "StockCommitted"),
    };

    [Fact]
    public Task Given_a_permitted_trigger_When_it_fires_Then_the_reservation_moves_and_one_history_entry_records_it() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<InventoryDbContext>();
            var history = sp.GetRequiredService<HistoryLog<InventoryDbContext>>();
            foreach (var ((from, trigger), (to, @event)) in Permitted)
            {
                db.ChangeTracker.Clear();
                var reservation = ReservationIn(from);

                ReservationStateMachine.EnsurePermitted(reservation, trigger);
                reservation.Fire(trigger, Now, history);

                reservation.State.ShouldBe(to);
                var entry = db.History.Local.ShouldHaveSingleItem();
                (entry.OrderId, entry.Subject, entry.SubjectId, entry.Event, entry.FromState, entry.ToState, entry.Detail)
                    .ShouldBe((reservation.OrderId, "Reservation", reservation.Id, @event, from.ToString(), to.ToString(), (string?)null));
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_naming_state_and_trigger() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<InventoryDbContext>();
            var history = sp.GetRequiredService<HistoryLog<InventoryDbContext>>();
            foreach (var state in Enum.GetValues<ReservationStatus>())
            {
                foreach (var trigger in Enum.GetValues<ReservationTrigger>().Where(t => !Permitted.ContainsKey((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var reservation = ReservationIn(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => reservation.Fire(trigger, Now, history));
                    var asked = Should.Throw<InvalidTransitionException>(() => ReservationStateMachine.EnsurePermitted(reservation, trigger));

                    foreach (var refusal in new[] { refused, asked })
                    {
                        (refusal.Code, refusal.Message).ShouldBe(("invalid-transition", $"Cannot fire trigger '{trigger}' in state '{state}' of ReservationStatus."));
                    }

                    reservation.State.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    private static StockReservation ReservationIn(ReservationStatus status)
    {
        var reservation = StockReservation.Create(Guid.CreateVersion7(), [new ReservationLine("SKU-1", 1)], Now);
        reservation.State = status;
        return reservation;
    }
}
