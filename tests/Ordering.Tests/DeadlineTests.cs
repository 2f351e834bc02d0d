using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class DeadlineTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    private static readonly TimeSpan StepDeadline = OrderingModuleFixture.StepDeadline;

    [Fact]
    public async Task Given_no_answer_to_ReserveStock_When_its_deadline_passes_Then_ReserveStock_is_sent_again_as_attempt_2()
    {
        var orderId = await PlacedOrderAsync();

        PassDeadline(StepDeadline);

        var sent = await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: 2);
        sent[1].Lines.ShouldBe(sent[0].Lines);
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.Attempts).ShouldBe((SagaStatus.Running, SagaCurrentStep.ReserveStock, 2));
        saga.NextAttemptAt.ShouldBe(Clock.GetUtcNow() + StepDeadline);
        (await PendingDeadlinesAsync(orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_no_answer_to_ReserveStock_When_its_deadline_passes_Then_the_history_records_StepRetried()
    {
        var orderId = await PlacedOrderAsync();

        PassDeadline(StepDeadline);

        await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: 2);
        var retried = (await HistoryAsync(orderId)).Entries.Single(e => e.Event == "StepRetried");
        (retried.Module, retried.FromState, retried.ToState).ShouldBe((ModuleName.Ordering, "ReserveStock", "ReserveStock"));
        retried.Detail.ShouldBe("No answer to ReserveStock in time; sending it again (step attempt 2 of 2).");
    }

    [Fact]
    public async Task Given_no_answer_to_the_last_attempt_When_its_deadline_passes_Then_the_saga_is_Failed_with_lastError_and_no_next_attempt()
    {
        var orderId = await PlacedOrderAsync();
        PassDeadline(StepDeadline);
        await SentAsync<ReserveStock>(m => m.OrderId == orderId, count: 2);

        PassDeadline(StepDeadline);

        var saga = await UntilSagaAsync(orderId, s => s.Status == SagaStatus.Failed, "the saga to fail");
        (saga.CurrentStep, saga.Attempts, saga.NextAttemptAt).ShouldBe((SagaCurrentStep.ReserveStock, 2, null));
        saga.LastError.ShouldBe("No answer to ReserveStock after 2 step attempts. Inventory has no record of it for this order. " +
                                "Fix the cause, then retry the current step or cancel the order.");
        (await PendingDeadlinesAsync(orderId)).ShouldBe(0);
        (await AllSentAsync<ReserveStock>(m => m.OrderId == orderId)).Count.ShouldBe(2);
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Pending);
    }

    [Fact]
    public async Task Given_a_saga_failed_for_lack_of_an_answer_When_the_late_answer_arrives_Then_the_saga_resumes_with_the_next_step()
    {
        var orderId = await SagaFailedAtReserveStockAsync();

        await StockReservedAsync(orderId);

        (await SentAsync<AuthorizePayment>(m => m.OrderId == orderId)).ShouldHaveSingleItem();
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.Attempts, saga.LastError).ShouldBe((SagaStatus.Running, SagaCurrentStep.AuthorizePayment, 1, null));
        var resumed = (await HistoryAsync(orderId)).Entries.Single(e => e.Event == "SagaResumed");
        (resumed.FromState, resumed.ToState, resumed.Detail).ShouldBe(("Failed", "Running", "late answer to ReserveStock"));
    }

    [Fact]
    public async Task Given_a_saga_waiting_for_payment_When_the_ordinary_step_deadline_passes_Then_nothing_is_sent_again()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        PassDeadline(StepDeadline);

        (await AllSentForAsync(orderId)).ShouldBe([nameof(ReserveStock), nameof(AuthorizePayment)], ignoreOrder: true);
        (await SagaAsync(orderId)).Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_saga_waiting_for_payment_When_the_payment_step_deadline_passes_Then_AuthorizePayment_is_sent_again()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        PassDeadline(OrderingModuleFixture.PaymentStepDeadline);

        var sent = await SentAsync<AuthorizePayment>(m => m.OrderId == orderId, count: 2);
        sent[1].ShouldBe(sent[0]);
        (await SagaAsync(orderId)).Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Given_no_answer_to_ReleaseStock_When_its_deadlines_run_out_Then_the_compensating_saga_is_Failed()
    {
        var orderId = await PaymentDeclinedAsync();
        PassDeadline(StepDeadline);
        await SentAsync<ReleaseStock>(m => m.OrderId == orderId, count: 2);

        PassDeadline(StepDeadline);

        var saga = await UntilSagaAsync(orderId, s => s.Status == SagaStatus.Failed, "the saga to fail");
        (saga.CurrentStep, saga.NextAttemptAt).ShouldBe((SagaCurrentStep.ReleaseStock, null));
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Pending);
    }

    [Fact]
    public async Task Given_a_compensating_saga_failed_for_lack_of_an_answer_When_StockReleased_arrives_late_Then_the_order_is_Rejected()
    {
        var orderId = await PaymentDeclinedAsync();
        PassDeadline(StepDeadline);
        await SentAsync<ReleaseStock>(m => m.OrderId == orderId, count: 2);
        PassDeadline(StepDeadline);
        await UntilSagaAsync(orderId, s => s.Status == SagaStatus.Failed, "the saga to fail");

        await ReplyAsync(new StockReleased(orderId));

        var order = await OrderAsync(orderId);
        (order.Status, order.RejectionReason).ShouldBe((OrderStatus.Rejected, RejectionReason.PaymentDeclined));
        (await SagaAsync(orderId)).Status.ShouldBe(SagaStatus.Compensated);
    }

    private async Task<Guid> PaymentDeclinedAsync()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await ReplyAsync(new PaymentDeclined(orderId, Guid.NewGuid(), "Card declined."));
        await SentAsync<ReleaseStock>(m => m.OrderId == orderId);
        return orderId;
    }
}
