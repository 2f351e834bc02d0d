using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// The order's machine through the real aggregate and the module's real DbContext: each permitted trigger moves the
// order and writes one history entry; an ignored one changes nothing; every other pair of state and trigger is
// refused with the API's problem for the trigger (or the generic one naming both) and changes nothing. Each guard is
// fired both ways: met, the order moves; unmet, it is refused naming the guard.
public sealed class OrderStateMachineTests(OrderingModuleFixture fixture) : IClassFixture<OrderingModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<(OrderStatus From, OrderTrigger Trigger), (OrderStatus To, string Event)> Permitted = new()
    {
        [(OrderStatus.Pending, OrderTrigger.Confirm)] = (OrderStatus.Confirmed, "OrderConfirmed"),
        [(OrderStatus.Pending, OrderTrigger.Reject)] = (OrderStatus.Rejected, "OrderRejected"),
        [(OrderStatus.Pending, OrderTrigger.Cancel)] = (OrderStatus.Cancelled, "OrderCancelled"),
        [(OrderStatus.Confirmed, OrderTrigger.Ship)] = (OrderStatus.Shipped, "OrderShipped"),
        [(OrderStatus.Confirmed, OrderTrigger.Cancel)] = (OrderStatus.Cancelled, "OrderCancelled"),
        [(OrderStatus.Shipped, OrderTrigger.Deliver)] = (OrderStatus.Delivered, "OrderDelivered"),
    };

    // Accepted without a change of status: the return or line cancellation is its own record.
    private static readonly HashSet<(OrderStatus State, OrderTrigger Trigger)> Ignored =
        [(OrderStatus.Confirmed, OrderTrigger.CancelLines), (OrderStatus.Delivered, OrderTrigger.Return)];

    // What the API answers when the machine refuses the trigger; a trigger not listed is the generic invalid-transition.
    private static readonly Dictionary<OrderTrigger, (string Type, Func<Order, OrderStatus, string> Detail)> Refusals = new()
    {
        [OrderTrigger.Cancel] = ("order-not-cancellable", (o, state) => $"Order {o.Id} is {state}; only Pending or Confirmed orders can be cancelled."),
        [OrderTrigger.Return] = ("order-not-delivered", (o, state) => $"Order {o.Id} is {state}: only a Delivered order's units can be returned."),
        [OrderTrigger.CancelLines] = ("order-lines-not-cancellable", (o, state) =>
            $"Order {o.Id} is {state}; lines can be cancelled only while the order is Confirmed and units are still waiting to be shipped."),
    };

    [Fact]
    public Task Given_a_permitted_trigger_When_it_fires_Then_the_order_moves_and_one_history_entry_records_it() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var ((from, trigger), (to, @event)) in Permitted)
            {
                db.ChangeTracker.Clear();
                var order = OrderIn(from);

                order.Fire(trigger, Now, history, "why");

                order.Status.ShouldBe(to);
                var entry = db.History.Local.ShouldHaveSingleItem();
                (entry.OrderId, entry.Subject, entry.SubjectId, entry.Event, entry.FromState, entry.ToState, entry.Detail)
                    .ShouldBe((order.Id, "Order", order.Id, @event, from.ToString(), to.ToString(), "why"));
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_an_ignored_trigger_When_it_fires_or_is_asked_for_Then_it_is_accepted_and_nothing_changes() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var (state, trigger) in Ignored)
            {
                db.ChangeTracker.Clear();
                var order = OrderIn(state);

                OrderStateMachine.EnsurePermitted(order, trigger);
                order.Fire(trigger, Now, history);

                order.Status.ShouldBe(state);
                db.History.Local.ShouldBeEmpty();
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_with_its_problem_and_nothing_changes() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var state in Enum.GetValues<OrderStatus>())
            {
                foreach (var trigger in Enum.GetValues<OrderTrigger>().Where(t => !Permitted.ContainsKey((state, t)) && !Ignored.Contains((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var order = OrderIn(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => order.Fire(trigger, Now, history));
                    var asked = Should.Throw<InvalidTransitionException>(() => OrderStateMachine.EnsurePermitted(order, trigger));

                    var (type, detail) = Refusals.TryGetValue(trigger, out var mapped)
                        ? (mapped.Type, mapped.Detail(order, state))
                        : ("invalid-transition", $"Cannot fire trigger '{trigger}' in state '{state}' of OrderStatus.");
                    foreach (var refusal in new[] { refused, asked })
                    {
                        (refusal.Code, refusal.Message, refusal.State, refusal.Trigger).ShouldBe((type, detail, state.ToString(), trigger.ToString()));
                    }

                    order.Status.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    // (state, trigger, how the order breaks the guard) -> the unmet guard and the problem type of the refusal.
    public static TheoryData<string, string, string, string> UnmetGuards => new()
    {
        { "Confirmed", "Ship", "every unit has left", "invalid-transition" },
        { "Shipped", "Deliver", "every shipment that left is delivered", "invalid-transition" },
        { "Confirmed", "CancelLines", "no cancellation is under way", "order-lines-not-cancellable" },
    };

    [Theory]
    [MemberData(nameof(UnmetGuards))]
    public Task Given_a_guarded_trigger_When_its_guard_is_unmet_Then_it_is_refused_naming_the_guard_and_nothing_changes(
        string state, string trigger, string guard, string problemType) =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var (from, fired) = (Enum.Parse<OrderStatus>(state), Enum.Parse<OrderTrigger>(trigger));
            var order = OrderIn(from, guardsMet: false);

            var refused = Should.Throw<InvalidTransitionException>(() => order.Fire(fired, Now, history));

            (refused.Code, refused.UnmetGuards.Single()).ShouldBe((problemType, guard));
            if (problemType == "invalid-transition")
            {
                refused.Message.ShouldBe($"Cannot fire trigger '{trigger}' in state '{state}' of OrderStatus. Guards not met: {guard}.");
            }
            else
            {
                refused.Message.ShouldStartWith($"Order {order.Id} is being cancelled;");
            }

            order.Status.ShouldBe(from);
            db.History.Local.ShouldBeEmpty();
            return Task.FromResult(true);
        });

    // An order in the state with every guard of its triggers met (a Confirmed order's units have left, a Shipped
    // order's shipment has arrived, no cancellation is under way), or with each of them unmet.
    private static Order OrderIn(OrderStatus status, bool guardsMet = true)
    {
        var order = Order.Place(Guid.CreateVersion7(), "customer-1", "EUR", [new OrderLine("SKU-1", 1, 5m, 5m)],
            new ShippingAddress("Ada", "1 Main St", null, "Berlin", "10115", "DE"), "card", "tok_visa", Now);
        var shipmentId = Guid.CreateVersion7();
        if (guardsMet || status == OrderStatus.Shipped)
        {
            order.ShipmentLeft(shipmentId, "UPS", "1Z", [new OrderShipmentLine("SKU-1", 1)], Now);
        }

        if (guardsMet)
        {
            order.ShipmentArrived(shipmentId, Now);
        }
        else
        {
            order.CancellationRequested(Now);
        }

        order.Status = status;
        return order;
    }
}
