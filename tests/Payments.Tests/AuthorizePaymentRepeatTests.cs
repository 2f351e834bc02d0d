using OrderManagement.Payments.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// One payment per order, however often it is asked for: a repeat answers with the payment's outcome.
public sealed class AuthorizePaymentRepeatTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_order_When_authorization_is_asked_again_Then_the_outcome_is_repeated_for_the_same_payment()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);

        await AuthorizeAsync(orderId, "tok_visa");

        var answers = await UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId, count: 2);
        answers.ShouldAllBe(a => a.PaymentId == paymentId);
        var payment = await PaymentOfAsync(orderId);
        payment.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_declined_order_When_authorization_is_asked_again_even_with_a_good_card_Then_the_decline_is_repeated()
    {
        var orderId = Guid.NewGuid();
        await AuthorizeAsync(orderId, "tok_declined");
        await UntilReceivedAsync<PaymentDeclined>(m => m.OrderId == orderId);

        await AuthorizeAsync(orderId, "tok_visa");

        var answers = await UntilReceivedAsync<PaymentDeclined>(m => m.OrderId == orderId, count: 2);
        answers.Select(a => a.PaymentId).Distinct().ShouldHaveSingleItem();
        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentAuthorized>().ShouldNotContain(m => m.OrderId == orderId);
        (await PaymentsOfAsync(orderId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_handled_AuthorizePayment_When_the_same_message_is_delivered_again_Then_it_has_no_second_effect()
    {
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var message = new Contracts.AuthorizePayment(orderId, Amount, Currency, "card", "tok_visa");
        await Host.DeliverAsync(message, PaymentsModule.Name, messageId);

        await Host.DeliverAsync(message, PaymentsModule.Name, messageId);

        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentAuthorized>().Count(m => m.OrderId == orderId).ShouldBe(1);
        (await PaymentOfAsync(orderId)).Attempts.ShouldBe(1);
    }
}
