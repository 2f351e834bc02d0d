using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class OperatorRetryTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_failed_saga_When_an_operator_retries_it_Then_the_step_command_is_sent_again_and_the_saga_runs_with_a_fresh_deadline()
    {
        var orderId = await SagaFailedAtReserveStockAsync();

        var view = await RetryAsync(orderId);

        (view.Status, view.CurrentStep, view.Attempts).ShouldBe((SagaStatus.Running, SagaCurrentStep.ReserveStock, 1));
        view.NextAttemptAt.ShouldBe(Clock.GetUtcNow() + OrderingModuleFixture.StepDeadline);
        (await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: 3)).Count.ShouldBe(3);
        (await SagaAsync(orderId)).ShouldBe(view);
        (await PendingDeadlinesAsync(orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_failed_saga_When_an_operator_retries_it_Then_the_history_records_OperatorRetry_with_the_actor_and_the_resumption()
    {
        var orderId = await SagaFailedAtReserveStockAsync();

        await RetryAsync(orderId, "inventory is back");

        var entries = (await HistoryAsync(orderId)).Entries;
        var (retry, resumed) = (entries[^2], entries[^1]);
        (retry.Module, retry.Event, retry.FromState, retry.ToState, retry.Detail)
            .ShouldBe((ModuleName.Ordering, "OperatorRetry", "ReserveStock", "ReserveStock", $"by {Operator}: inventory is back"));
        (resumed.Module, resumed.Event, resumed.FromState, resumed.ToState, resumed.Detail)
            .ShouldBe((ModuleName.Ordering, "SagaResumed", "Failed", "Running", $"ReserveStock sent again: retried by {Operator}"));
    }

    [Fact]
    public async Task Given_a_retried_saga_When_the_answer_arrives_Then_it_proceeds_to_the_next_step()
    {
        var orderId = await SagaFailedAtReserveStockAsync();
        await RetryAsync(orderId);

        await StockReservedAsync(orderId);

        (await SentAsync<AuthorizePayment>(m => m.OrderId == orderId)).ShouldHaveSingleItem();
        (await SagaAsync(orderId)).CurrentStep.ShouldBe(SagaCurrentStep.AuthorizePayment);
    }

    [Fact]
    public async Task Given_a_saga_waiting_longer_than_normal_When_an_operator_retries_it_Then_the_step_command_is_sent_again_now()
    {
        var orderId = await PlacedOrderAsync();
        Clock.Advance(OrderingModuleFixture.ReserveStockNormalWait + TimeSpan.FromSeconds(1));

        await RetryAsync(orderId);

        await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: 2);
        (await PendingDeadlinesAsync(orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_step_that_started_within_its_normal_wait_When_an_operator_retries_it_Then_it_is_a_conflict_and_nothing_is_sent()
    {
        var orderId = await PlacedOrderAsync();
        await SentAsync<ReserveStock>(m => m.OrderId == orderId);
        var before = await SagaAsync(orderId);

        var conflict = await Should.ThrowAsync<ConflictException>(() => RetryAsync(orderId));

        conflict.Code.ShouldBe("step-not-stalled");
        conflict.Message.ShouldContain("not stalled");
        (await SagaAsync(orderId)).ShouldBe(before);
        (await AllSentAsync<ReserveStock>(m => m.OrderId == orderId)).Count.ShouldBe(1);
        (await HistoryAsync(orderId)).Entries.ShouldNotContain(e => e.Event == "OperatorRetry");
    }

    [Fact]
    public async Task Given_a_retry_answered_at_once_When_an_operator_retries_again_Then_the_next_step_is_not_sent_again()
    {
        var orderId = await SagaFailedAtReserveStockAsync();
        await RetryAsync(orderId);
        await StockReservedAsync(orderId);
        await SentAsync<AuthorizePayment>(m => m.OrderId == orderId);

        var conflict = await Should.ThrowAsync<ConflictException>(() => RetryAsync(orderId));

        conflict.Code.ShouldBe("step-not-stalled");
        (await AllSentAsync<AuthorizePayment>(m => m.OrderId == orderId)).Count.ShouldBe(1);
        (await HistoryAsync(orderId)).Entries.Count(e => e.Event == "OperatorRetry").ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_completed_saga_When_an_operator_retries_it_Then_it_is_a_conflict_and_nothing_is_sent()
    {
        var confirmed = await ConfirmedOrderAsync();
        var before = await SagaAsync(confirmed.OrderId);

        var conflict = await Should.ThrowAsync<ConflictException>(() => RetryAsync(confirmed.OrderId));

        conflict.Code.ShouldBe("nothing-to-retry");
        (await SagaAsync(confirmed.OrderId)).ShouldBe(before);
        (await AllSentForAsync(confirmed.OrderId)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_compensated_saga_When_an_operator_retries_it_Then_it_is_a_conflict()
    {
        var orderId = await PlacedOrderAsync();
        await ReplyAsync(new StockReservationRejected(orderId, "Unknown SKU MUG-01."));

        var conflict = await Should.ThrowAsync<ConflictException>(() => RetryAsync(orderId));

        conflict.Code.ShouldBe("nothing-to-retry");
    }

    [Fact]
    public async Task Given_a_retry_under_way_When_an_operator_retries_again_Then_it_is_a_conflict_and_nothing_is_sent_or_reset()
    {
        var orderId = await SagaFailedAtReserveStockAsync();
        var first = await RetryAsync(orderId);

        var conflict = await Should.ThrowAsync<ConflictException>(() => RetryAsync(orderId));

        conflict.Code.ShouldBe("retry-in-progress");
        (await SagaAsync(orderId)).ShouldBe(first);
        (await AllSentAsync<ReserveStock>(m => m.OrderId == orderId)).Count.ShouldBe(3);
        (await HistoryAsync(orderId)).Entries.Count(e => e.Event == "OperatorRetry").ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_retried_step_that_went_unanswered_When_an_operator_retries_after_its_deadline_Then_it_is_accepted()
    {
        var orderId = await SagaFailedAtReserveStockAsync();
        await RetryAsync(orderId);
        PassDeadline(OrderingModuleFixture.StepDeadline);
        await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: 4);

        var again = await RetryAsync(orderId);

        (again.Status, again.CurrentStep).ShouldBe((SagaStatus.Running, SagaCurrentStep.ReserveStock));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Given_a_failed_saga_When_an_operator_retries_without_a_reason_Then_it_is_invalid_and_nothing_changes(string? reason)
    {
        var orderId = await SagaFailedAtReserveStockAsync();
        var before = await SagaAsync(orderId);

        var invalid = await Should.ThrowAsync<RequestValidationException>(() => RetryAsync(orderId, reason));

        invalid.Errors.Keys.ShouldBe(["reason"]);
        (await SagaAsync(orderId)).ShouldBe(before);
    }

    [Fact]
    public async Task Given_an_unknown_order_When_an_operator_retries_its_saga_Then_it_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => RetryAsync(Guid.NewGuid()));
    }
}
