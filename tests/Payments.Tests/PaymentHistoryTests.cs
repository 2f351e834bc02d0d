namespace OrderManagement.Payments.Tests;

public sealed class PaymentHistoryTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_payment_When_it_is_captured_Then_the_history_shows_started_authorized_captured()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);

        await CaptureAsync(orderId);
        await UntilReceivedAsync<Contracts.PaymentCaptured>(m => m.OrderId == orderId);

        var history = await HistoryOfAsync(orderId);
        history.Select(h => (h.Event, h.FromState, h.ToState)).ShouldBe(
        [
            ("PaymentStarted", null, "Pending"),
            ("PaymentAuthorized", "Pending", "Authorized"),
            ("PaymentCaptured", "Authorized", "Captured"),
        ]);
        history[0].Detail.ShouldBe("59.98 EUR");
    }

    [Fact]
    public async Task Given_an_authorized_payment_When_it_is_voided_Then_the_history_ends_with_the_void()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);

        await VoidAsync(orderId);
        await UntilReceivedAsync<Contracts.PaymentVoided>(m => m.OrderId == orderId);

        var last = (await HistoryOfAsync(orderId))[^1];
        (last.Event, last.FromState, last.ToState).ShouldBe(("PaymentVoided", "Authorized", "Voided"));
    }

    [Fact]
    public async Task Given_a_declined_card_When_payment_is_authorized_Then_the_history_records_the_decline_and_its_reason()
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, "tok_insufficient_funds");
        await UntilReceivedAsync<Contracts.PaymentDeclined>(m => m.OrderId == orderId);

        var history = await HistoryOfAsync(orderId);
        history.Select(h => (h.Event, h.FromState, h.ToState, h.Detail)).ShouldBe(
        [
            ("PaymentStarted", null, "Pending", "59.98 EUR"),
            ("PaymentDeclined", "Pending", "Declined", "Insufficient funds."),
        ]);
    }

    [Fact]
    public async Task Given_a_provider_that_never_answers_When_retries_run_out_Then_the_history_ends_with_PaymentFailed()
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, "tok_timeout");

        await UntilReceivedAsync<Contracts.PaymentFailed>(m => m.OrderId == orderId);
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldBe(
            ["PaymentStarted", "AuthorizationAttemptFailed", "AuthorizationAttemptFailed", "PaymentFailed"]);
    }
}
