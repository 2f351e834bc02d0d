using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// SagaDefinition's machine through the real saga and the module's real DbContext: the forward steps in table order, the
// compensations chosen by what the completed steps still hold, a failed saga resuming at the step that failed, a change
// of status and a step started each recorded once, ignored triggers changing nothing, an operator's retry accepted
// only while a step waits for its answer and no retry is under way (or when the saga failed), every other pair refused.
public sealed class SagaStateMachineTests(OrderingModuleFixture fixture) : IClassFixture<OrderingModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly SagaState[] ForwardStates =
        [SagaState.Running, SagaState.ReservingStock, SagaState.InReview, SagaState.AuthorizingPayment, SagaState.CreatingShipment];
    private static readonly SagaState[] CompensatingStates = [SagaState.Compensating, SagaState.CancellingShipment, SagaState.VoidingPayment, SagaState.ReleasingStock];

    // Every (state, trigger) the machine acts on; the destination of the dynamic ones depends on the saga (tested below).
    private static readonly HashSet<(SagaState, SagaTrigger)> Handled =
    [
        .. ForwardStates.SelectMany(s => new[] { (s, SagaTrigger.Continue), (s, SagaTrigger.Compensate), (s, SagaTrigger.Fail), (s, SagaTrigger.Resume) }),
        .. CompensatingStates.SelectMany(s => new[] { (s, SagaTrigger.Continue), (s, SagaTrigger.Fail), (s, SagaTrigger.Compensate), (s, SagaTrigger.Resume) }),
        (SagaState.CancellingShipment, SagaTrigger.CancellationRefused),
        (SagaState.Completed, SagaTrigger.Compensate),
        (SagaState.Failed, SagaTrigger.Resume),
        (SagaState.Failed, SagaTrigger.Compensate),
        (SagaState.Failed, SagaTrigger.Fail),
        (SagaState.Failed, SagaTrigger.Retry),
        .. ForwardStates.Concat(CompensatingStates).Select(s => (s, SagaTrigger.Retry)),
    ];

    [Fact]
    public Task Given_a_new_saga_When_each_step_is_done_Then_it_runs_the_forward_steps_in_table_order_and_completes() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);

            foreach (var expected in new[] { SagaState.ReservingStock, SagaState.InReview, SagaState.AuthorizingPayment, SagaState.CreatingShipment, SagaState.Completed })
            {
                saga.Fire(SagaTrigger.Continue, Now, history);
                saga.State.ShouldBe(expected);
            }

            db.History.Local.Select(e => (e.Event, e.FromState, e.ToState)).ShouldBe(
            [
                ("StepStarted", "None", "ReserveStock"),
                ("StepStarted", "ReserveStock", "ReviewOrder"),
                ("StepStarted", "ReviewOrder", "AuthorizePayment"),
                ("StepStarted", "AuthorizePayment", "CreateShipment"),
                ("SagaCompleted", "Running", "Completed"),
            ]);
            (saga.Status, saga.CurrentStep, saga.DefinitionVersion).ShouldBe((SagaStatus.Completed, SagaStep.None, SagaDefinition.Version));
            return Task.FromResult(true);
        });

    [Theory]
    [InlineData(new[] { "ReserveStock", "AuthorizePayment", "CreateShipment" }, new[] { "CancelShipment", "VoidPayment", "ReleaseStock" })]
    [InlineData(new[] { "ReserveStock", "AuthorizePayment" }, new[] { "VoidPayment", "ReleaseStock" })]
    [InlineData(new[] { "ReserveStock", "ReviewOrder", "AuthorizePayment" }, new[] { "VoidPayment", "ReleaseStock" })]
    [InlineData(new[] { "ReserveStock", "ReviewOrder" }, new[] { "ReleaseStock" })]
    [InlineData(new[] { "ReserveStock" }, new[] { "ReleaseStock" })]
    [InlineData(new string[0], new string[0])]
    public Task Given_the_completed_steps_When_the_saga_compensates_Then_it_undoes_each_held_step_bottom_to_top(string[] completed, string[] undone) =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
            saga.MoveTo(SagaState.CreatingShipment);
            foreach (var step in completed)
            {
                saga.MarkCompleted(Enum.Parse<SagaStep>(step));
            }

            saga.Fire(SagaTrigger.Compensate, Now, history, "Cancelled");
            var visited = new List<string>();
            while (saga.State != SagaState.Compensated)
            {
                saga.Fire(SagaTrigger.Continue, Now, history);
                if (saga.State != SagaState.Compensated)
                {
                    visited.Add(saga.CurrentStep.ToString());
                    saga.MarkCompleted(saga.CurrentStep);
                }
            }

            visited.ShouldBe(undone);
            db.History.Local.First().ShouldSatisfyAllConditions(
                e => (e.Event, e.FromState, e.ToState, e.Detail).ShouldBe(("CompensationStarted", "Running", "Compensating", "Cancelled")));
            db.History.Local.Last().ShouldSatisfyAllConditions(e => (e.Event, e.FromState, e.ToState).ShouldBe(("SagaCompensated", "Compensating", "Compensated")));
            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_saga_that_failed_at_a_step_When_it_resumes_Then_it_waits_for_that_step_again_under_its_status() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var step in SagaDefinition.Steps)
            {
                db.ChangeTracker.Clear();
                var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
                saga.MoveTo(step.State);
                saga.Fire(SagaTrigger.Fail, Now, history, "no answer");

                saga.Fire(SagaTrigger.Resume, Now, history, "retried");

                (saga.State, saga.CurrentStep).ShouldBe((step.State, step.Step));
                db.History.Local.Select(e => (e.Event, e.FromState, e.ToState)).ShouldBe(
                    [("SagaFailed", SagaDefinition.StatusOf(step.State).ToString(), "Failed"), ("SagaResumed", "Failed", SagaDefinition.StatusOf(step.State).ToString())]);
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_cancellation_the_shipment_refuses_When_it_fires_Then_the_saga_is_Completed_again() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
            saga.MoveTo(SagaState.CancellingShipment);

            saga.Fire(SagaTrigger.CancellationRefused, Now, history, "dispatched");

            (saga.State, saga.CurrentStep).ShouldBe((SagaState.Completed, SagaStep.None));
            var entry = db.History.Local.ShouldHaveSingleItem();
            (entry.Event, entry.FromState, entry.ToState, entry.Detail).ShouldBe(("CancellationRefused", "Compensating", "Completed", "dispatched"));
            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_an_ignored_trigger_When_it_fires_Then_nothing_changes_and_nothing_is_recorded() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var ignored = ForwardStates.Select(s => (s, SagaTrigger.Resume))
                .Concat(CompensatingStates.SelectMany(s => new[] { (s, SagaTrigger.Compensate), (s, SagaTrigger.Resume) }))
                .Append((SagaState.Failed, SagaTrigger.Fail));
            foreach (var (state, trigger) in ignored)
            {
                db.ChangeTracker.Clear();
                var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
                saga.MoveTo(state);

                saga.Fire(trigger, Now, history);

                saga.State.ShouldBe(state);
                db.History.Local.ShouldBeEmpty();
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_naming_state_and_trigger() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            foreach (var state in Enum.GetValues<SagaState>())
            {
                foreach (var trigger in Enum.GetValues<SagaTrigger>().Where(t => !Handled.Contains((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
                    saga.MoveTo(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => saga.Fire(trigger, Now, history));

                    (refused.Code, refused.Message).ShouldBe(trigger == SagaTrigger.Retry
                        ? ("nothing-to-retry", $"The saga of order {saga.OrderId} is {saga.Status} and waits for nothing; there is nothing to retry.")
                        : ("invalid-transition", $"Cannot fire trigger '{trigger}' in state '{state}' of SagaState."));
                    saga.State.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    // (state, waits for an answer, retry under way) -> the problem type of the refusal, or null when the retry is accepted.
    public static TheoryData<string, bool, bool, string?> Retries => new()
    {
        { "ReservingStock", true, false, null },
        { "AuthorizingPayment", true, false, null },
        { "VoidingPayment", true, false, null },
        { "Failed", false, false, null },
        { "ReservingStock", false, false, "nothing-to-retry" },
        { "Compensating", false, false, "nothing-to-retry" },
        { "ReleasingStock", false, true, "nothing-to-retry" },
        { "CreatingShipment", true, true, "retry-in-progress" },
        { "CancellingShipment", true, true, "retry-in-progress" },
        { "Failed", false, true, "retry-in-progress" },
    };

    [Theory]
    [MemberData(nameof(Retries))]
    public Task Given_a_saga_When_an_operator_retries_it_Then_the_machine_accepts_it_without_a_change_or_refuses_it_with_the_APIs_problem(
        string state, bool waiting, bool retryUnderWay, string? problemType) =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<OrderingDbContext>();
            var history = sp.GetRequiredService<HistoryLog<OrderingDbContext>>();
            var saga = FulfilmentSaga.Start(Guid.CreateVersion7(), Now);
            saga.MoveTo(Enum.Parse<SagaState>(state));
            saga.NextAttemptAt = waiting ? Now.AddMinutes(1) : null;
            saga.RetryUnderWay = retryUnderWay;

            if (problemType is null)
            {
                SagaStateMachine.EnsurePermitted(saga, SagaTrigger.Retry);
                saga.Fire(SagaTrigger.Retry, Now, history);
            }
            else
            {
                var asked = Should.Throw<InvalidTransitionException>(() => SagaStateMachine.EnsurePermitted(saga, SagaTrigger.Retry));
                var refused = Should.Throw<InvalidTransitionException>(() => saga.Fire(SagaTrigger.Retry, Now, history));

                foreach (var refusal in new[] { asked, refused })
                {
                    (refusal.Code, refusal.Message).ShouldBe((problemType, problemType == "nothing-to-retry"
                        ? $"The saga of order {saga.OrderId} is {saga.Status} and waits for nothing; there is nothing to retry."
                        : $"An operator retry of {saga.CurrentStep} is already under way for order {saga.OrderId}; its answer is awaited until "
                            + $"{saga.NextAttemptAt:O}. Retry again only if the saga has not moved by then."));
                }
            }

            saga.State.ShouldBe(Enum.Parse<SagaState>(state));
            db.History.Local.ShouldBeEmpty();
            return Task.FromResult(true);
        });
}
