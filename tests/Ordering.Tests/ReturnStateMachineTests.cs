using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Returns;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// The return's machine through the real aggregate and the module's real DbContext: each permitted trigger moves the
// return and writes one history entry; every other pair of state and trigger is refused, naming both, and changes nothing.
public sealed class ReturnStateMachineTests(OrderingModuleFixture fixture) : IClassFixture<OrderingModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<(ReturnStatus From, ReturnTrigger Trigger), (ReturnStatus To, string Event)> Permitted = new()
    {
        [(ReturnStatus.Requested, ReturnTrigger.Receive)] = (ReturnStatus.Received, "ReturnReceived"),
        [(ReturnStatus.Requested, ReturnTrigger.Reject)] = (ReturnStatus.Rejected, "ReturnRejected"),
        [(ReturnStatus.Received, ReturnTrigger.Refund)] = (ReturnStatus.Refunded, "RefundIssued"),
    };

    [Fact]
    public Task Given_a_permitted_trigger_When_it_fires_Then_the_return_moves_and_one_history_entry_records_it() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var ((from, trigger), (to, @event)) in Permitted)
            {
                db.ChangeTracker.Clear();
                var @return = ReturnIn(from, db, history);

                Fire(@return, trigger, history);

                @return.Status.ShouldBe(to);
                var entry = db.History.Local.ShouldHaveSingleItem();
                (entry.OrderId, entry.Subject, entry.SubjectId, entry.Event, entry.FromState, entry.ToState)
                    .ShouldBe((@return.OrderId, "Return", @return.Id, @event, from.ToString(), to.ToString()));
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_naming_state_and_trigger() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var state in Enum.GetValues<ReturnStatus>())
            {
                foreach (var trigger in Enum.GetValues<ReturnTrigger>().Where(t => !Permitted.ContainsKey((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var @return = ReturnIn(state, db, history);

                    var refused = Should.Throw<InvalidTransitionException>(() => Fire(@return, trigger, history));

                    (refused.Code, refused.Message).ShouldBe(("invalid-transition", $"Cannot fire trigger '{trigger}' in state '{state}' of ReturnStatus."));
                    @return.Status.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_return_of_two_units_When_one_arrives_Then_its_refund_is_the_arrived_units_times_the_unit_price() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var @return = ReturnIn(ReturnStatus.Requested, db, history);

            @return.Receive(new Dictionary<string, (int, bool)> { ["SKU-1"] = (1, true) }, Now, history);

            @return.RefundAmount.ShouldBe(7.50m);
            @return.Lines.ShouldBe([new ReturnLine("SKU-1", 2, 7.50m, 1, true), new ReturnLine("SKU-2", 1, 3m, 0, false)]);
            return Task.FromResult(true);
        });

    private static void Fire(Return @return, ReturnTrigger trigger, IHistoryLog history)
    {
        switch (trigger)
        {
            case ReturnTrigger.Receive:
                @return.Receive(new Dictionary<string, (int, bool)> { ["SKU-1"] = (1, true) }, Now, history);
                break;
            case ReturnTrigger.Reject:
                @return.Reject("worn", Now, history);
                break;
            default:
                @return.Refunded("7.50 EUR refunded", Now, history);
                break;
        }
    }

    private static Return ReturnIn(ReturnStatus status, OrderingDbContext db, IHistoryLog history)
    {
        var @return = Return.Request(Guid.CreateVersion7(), "too small", [new ReturnLine("SKU-1", 2, 7.50m), new ReturnLine("SKU-2", 1, 3m)], "tests", Now, history);
        db.ChangeTracker.Clear();
        @return.Status = status;
        return @return;
    }
}
