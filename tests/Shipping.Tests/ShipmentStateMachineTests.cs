using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;
using Shouldly;

namespace OrderManagement.Shipping.Tests;

// A shipment's machine through the real aggregate and the module's real DbContext: each permitted trigger moves the
// shipment and writes one history entry; every other pair of state and trigger is refused with the API's problem for
// that trigger (a dispatch or delivery) or the generic one naming both, and changes nothing.
public sealed class ShipmentStateMachineTests(ShippingModuleFixture fixture) : IClassFixture<ShippingModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<(ShipmentStatus From, ShipmentTrigger Trigger), (ShipmentStatus To, string Event)> Permitted = new()
    {
        [(ShipmentStatus.ReadyToShip, ShipmentTrigger.Dispatch)] = (ShipmentStatus.Dispatched, "ShipmentDispatched"),
        [(ShipmentStatus.ReadyToShip, ShipmentTrigger.Cancel)] = (ShipmentStatus.Cancelled, "ShipmentCancelled"),
        [(ShipmentStatus.Dispatched, ShipmentTrigger.Deliver)] = (ShipmentStatus.Delivered, "ShipmentDelivered"),
    };

    // What the API answers when the machine refuses the trigger; a trigger not listed is the generic invalid-transition.
    private static readonly Dictionary<ShipmentTrigger, (string Type, Func<Shipment, ShipmentStatus, string> Detail)> Refusals = new()
    {
        [ShipmentTrigger.Dispatch] = ("shipment-not-ready", (s, state) => $"Shipment {s.Id} is {state}; only a ReadyToShip shipment can be dispatched."),
        [ShipmentTrigger.Deliver] = ("shipment-not-dispatched", (s, state) => $"Shipment {s.Id} is {state}; only a Dispatched shipment can be delivered."),
    };

    [Fact]
    public Task Given_a_permitted_trigger_When_it_fires_Then_the_shipment_moves_and_one_history_entry_records_it() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<ShippingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<ShippingDbContext>>();
            foreach (var ((from, trigger), (to, @event)) in Permitted)
            {
                db.ChangeTracker.Clear();
                var shipment = ShipmentIn(from);

                shipment.Apply(trigger, Now, history, "why");

                shipment.Status.ShouldBe(to);
                var entry = db.History.Local.ShouldHaveSingleItem();
                (entry.OrderId, entry.Subject, entry.SubjectId, entry.Event, entry.FromState, entry.ToState, entry.Detail)
                    .ShouldBe((shipment.OrderId, "Shipment", shipment.Id, @event, from.ToString(), to.ToString(), "why"));
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_with_its_problem_and_nothing_changes() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<ShippingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<ShippingDbContext>>();
            foreach (var state in Enum.GetValues<ShipmentStatus>())
            {
                foreach (var trigger in Enum.GetValues<ShipmentTrigger>().Where(t => !Permitted.ContainsKey((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var shipment = ShipmentIn(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => shipment.Apply(trigger, Now, history));

                    var (type, detail) = Refusals.TryGetValue(trigger, out var mapped)
                        ? (mapped.Type, mapped.Detail(shipment, state))
                        : ("invalid-transition", $"Cannot fire trigger '{trigger}' in state '{state}' of ShipmentStatus.");
                    (refused.Code, refused.Message, refused.State, refused.Trigger).ShouldBe((type, detail, state.ToString(), trigger.ToString()));
                    shipment.Status.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    private static Shipment ShipmentIn(ShipmentStatus status)
    {
        var shipment = Shipment.Create(Guid.CreateVersion7(), [new ShipmentLineItem("SKU-1", 1)], "{}", Now);
        shipment.Status = status;
        return shipment;
    }
}
