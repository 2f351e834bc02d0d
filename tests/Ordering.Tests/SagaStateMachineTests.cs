using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// The saga's status machine through the real saga and the module's real DbContext: permitted triggers move it and
// write one history entry, ignored ones change nothing, a failed saga resumes where its outcome says, and every
// other pair of state and trigger is refused, naming both.
public sealed class SagaStateMachineTests(OrderingModuleFixture fixture) : IClassFixture<OrderingModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<(SagaStatus From, SagaTrigger Trigger), (SagaStatus To, string Event)> Permitted = new()
    {
        [(SagaStatus.Running, SagaTrigger.Complete)] = (SagaStatus.Completed, "SagaCompleted"),
        [(SagaStatus.Running, SagaTrigger.Compensate)] = (SagaStatus.Compensating, "CompensationStarted"),
        [(SagaStatus.Running, SagaTrigger.Finish)] = (SagaStatus.Compensated, "SagaCompensated"),
        [(SagaStatus.Running, SagaTrigger.Fail)] = (SagaStatus.Failed, "SagaFailed"),
        [(SagaStatus.Completed, SagaTrigger.Compensate)] = (SagaStatus.Compensating, "CompensationStarted"),
        [(SagaStatus.Compensating, SagaTrigger.Finish)] = (SagaStatus.Compensated, "SagaCompensated"),
        [(SagaStatus.Compensating, SagaTrigger.Fail)] = (SagaStatus.Failed, "SagaFailed"),
        [(SagaStatus.Compensating, SagaTrigger.Complete)] = (SagaStatus.Completed, "CancellationRefused"),
        [(SagaStatus.Failed, SagaTrigger.Compensate)] = (SagaStatus.Compensating, "CompensationStarted"),
    };

    private static readonly HashSet<(SagaStatus, SagaTrigger)> Ignored =
    [
        (SagaStatus.Running, SagaTrigger.Resume),
        (SagaStatus.Completed, SagaTrigger.Complete),
        (SagaStatus.Compensating, SagaTrigger.Compensate),
        (SagaStatus.Compensating, SagaTrigger.Resume),
        (SagaStatus.Failed, SagaTrigger.Fail),
    ];

    [Fact]
    public Task Given_a_permitted_trigger_When_it_fires_Then_the_saga_moves_and_one_history_entry_records_it() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            foreach (var ((from, trigger), (to, @event)) in Permitted)
            {
                db.ChangeTracker.Clear();
                var saga = SagaIn(from);

                saga.Fire(trigger, Now, db, "why");

                saga.Status.ShouldBe(to);
                var entry = db.History.Local.ShouldHaveSingleItem();
                (entry.OrderId, entry.Subject, entry.SubjectId, entry.Event, entry.FromState, entry.ToState, entry.Detail)
                    .ShouldBe((saga.OrderId, "Saga", saga.OrderId, @event, from.ToString(), to.ToString(), "why"));
            }

            return Task.FromResult(true);
        });

    [Theory]
    [InlineData(null, "Running")]
    [InlineData("Cancelled", "Compensating")]
    [InlineData("PaymentDeclined", "Compensating")]
    public Task Given_a_failed_saga_When_it_resumes_Then_it_runs_on_without_an_outcome_and_compensates_with_one(string? outcome, string expected) =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var saga = SagaIn(SagaStatus.Failed);
            saga.Outcome = outcome is null ? null : Enum.Parse<SagaOutcome>(outcome);

            saga.Fire(SagaTrigger.Resume, Now, db, "retried");

            saga.Status.ToString().ShouldBe(expected);
            var entry = db.History.Local.ShouldHaveSingleItem();
            (entry.Event, entry.FromState, entry.ToState, entry.Detail).ShouldBe(("SagaResumed", "Failed", expected, "retried"));
            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_an_ignored_trigger_When_it_fires_Then_nothing_changes_and_nothing_is_recorded() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            foreach (var (state, trigger) in Ignored)
            {
                db.ChangeTracker.Clear();
                var saga = SagaIn(state);

                saga.Fire(trigger, Now, db);

                saga.Status.ShouldBe(state);
                db.History.Local.ShouldBeEmpty();
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_naming_state_and_trigger() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var handled = Permitted.Keys.Concat(Ignored).Append((SagaStatus.Failed, SagaTrigger.Resume)).ToHashSet();
            foreach (var state in Enum.GetValues<SagaStatus>())
            {
                foreach (var trigger in Enum.GetValues<SagaTrigger>().Where(t => !handled.Contains((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var saga = SagaIn(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => saga.Fire(trigger, Now, db));

                    refused.Message.ShouldBe($"Cannot fire trigger '{trigger}' in state '{state}' of SagaStatus.");
                    saga.Status.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    private static FulfilmentSaga SagaIn(SagaStatus status)
    {
        var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
        saga.Status = status;
        return saga;
    }
}
