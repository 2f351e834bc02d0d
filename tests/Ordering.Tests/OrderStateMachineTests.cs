using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// The order's machine through the real aggregate and the module's real DbContext: each permitted trigger moves the
// order and writes one history entry; every other pair of state and trigger is refused, naming both, and changes
// nothing.
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
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_naming_state_and_trigger() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var state in Enum.GetValues<OrderStatus>())
            {
                foreach (var trigger in Enum.GetValues<OrderTrigger>().Where(t => !Permitted.ContainsKey((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var order = OrderIn(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => order.Fire(trigger, Now, history));

                    refused.Message.ShouldBe($"Cannot fire trigger '{trigger}' in state '{state}' of OrderStatus.");
                    order.Status.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    private static Order OrderIn(OrderStatus status)
    {
        var order = Order.Place(Guid.CreateVersion7(), "customer-1", "EUR", [new OrderLine("SKU-1", 1, 5m, 5m)],
            new ShippingAddress("Ada", "1 Main St", null, "Berlin", "10115", "DE"), "card", "tok_visa", Now);
        order.Status = status;
        return order;
    }
}
