using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Tests;

// Issue 15 item 9: a failed saga says what actually went wrong, and the order shows the payment as soon as it exists.
public sealed class SagaCauseTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_Payments_retrying_the_provider_When_it_reports_a_failed_attempt_Then_the_order_shows_the_payment_Pending()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var paymentId = Guid.NewGuid();

        await ReplyAsync(new PaymentAttemptFailed(orderId, paymentId, 1, 4, "The operation didn't complete within the allowed timeout."));

        var order = await OrderAsync(orderId);
        (order.Status, order.PaymentId, order.PaymentStatus).ShouldBe((OrderStatus.Pending, paymentId, PaymentStatus.Pending));
        (await SagaAsync(orderId)).LastError.ShouldBe("Payments: attempt 1 of 4 failed (The operation didn't complete within the allowed timeout.); it retries.");
    }

    [Fact]
    public async Task Given_the_payment_step_unanswered_When_its_last_deadline_passes_Then_lastError_quotes_Payments_last_record_and_not_dead_letters()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var at = Clock.GetUtcNow();
        Histories.Set(orderId, new PaymentHistoryEntry(1, at, "AuthorizationAttemptFailed", "Pending", "Pending", "Provider attempt 6 of 8: timeout", null));

        PassDeadline(OrderingModuleFixture.PaymentStepDeadline);
        await SentAsync<AuthorizePayment>(m => m.OrderId == orderId, count: 2);
        PassDeadline(OrderingModuleFixture.PaymentStepDeadline);

        var saga = await UntilSagaAsync(orderId, s => s.Status == SagaStatus.Failed, "the saga to fail");
        saga.LastError.ShouldBe($"No answer to AuthorizePayment after 2 step attempts. Last record of Payments: AuthorizationAttemptFailed at {at:O} (Provider attempt 6 of 8: timeout). " +
                                "Fix the cause, then retry the current step or cancel the order.");
        saga.LastError!.ShouldNotContain("dead letter");
    }

    [Fact]
    public async Task Given_a_saga_past_ReserveStock_When_a_stale_ReserveStock_is_dead_lettered_Then_the_saga_keeps_running()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        await DeadLetters.NotifyAsync(Host, Guid.NewGuid(), OrderingModuleFixture.Inventory, new ReserveStock(orderId, [new StockLine("MUG-01", 1)]));

        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep).ShouldBe((SagaStatus.Running, SagaCurrentStep.AuthorizePayment));
    }

    [Fact]
    public async Task Given_an_order_rejected_out_of_stock_When_a_late_StockReserved_arrives_Then_the_reservation_is_released()
    {
        var orderId = await PlacedOrderAsync();
        await ReplyAsync(new StockReservationRejected(orderId, "Not enough stock for 'MUG-01'."));

        await StockReservedAsync(orderId);

        await SentAsync<ReleaseStock>(m => m.OrderId == orderId);
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Rejected);
        (await HistoryAsync(orderId)).Entries.ShouldContain(e => e.Event == "LateHoldReleased");
    }
}
