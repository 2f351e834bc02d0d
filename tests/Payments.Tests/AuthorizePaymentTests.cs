using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

public sealed class AuthorizePaymentTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Theory]
    [InlineData("tok_visa")]
    [InlineData("tok_mastercard")]
    public async Task Given_a_good_card_When_payment_is_authorized_Then_PaymentAuthorized_is_published_and_the_payment_is_Authorized_after_one_attempt(string token)
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, token);

        var authorized = (await UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId)).Single();
        var payment = await PaymentOfAsync(orderId);
        authorized.PaymentId.ShouldBe(payment.Id);
        payment.Status.ShouldBe(PaymentStatus.Authorized);
        payment.Attempts.ShouldBe(1);
        payment.Amount.ShouldBe(Amount);
        payment.Currency.ShouldBe(Currency);
    }

    [Theory]
    [InlineData("tok_declined", "The card was declined.")]
    [InlineData("tok_insufficient_funds", "Insufficient funds.")]
    [InlineData("tok_unknown_to_the_sandbox", "The card was declined.")]
    public async Task Given_a_card_the_provider_refuses_When_payment_is_authorized_Then_PaymentDeclined_is_published_and_the_payment_is_Declined(string token, string reason)
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, token);

        var declined = (await UntilReceivedAsync<PaymentDeclined>(m => m.OrderId == orderId)).Single();
        var payment = await PaymentOfAsync(orderId);
        declined.ShouldBe(new PaymentDeclined(orderId, payment.Id, reason));
        payment.Status.ShouldBe(PaymentStatus.Declined);
        payment.Attempts.ShouldBe(1);
        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentAuthorized>().ShouldNotContain(m => m.OrderId == orderId);
    }
}
