using OrderManagement.Payments.Contracts;

namespace OrderManagement.Payments.Tests;

// The saga may send AuthorizePayment again before the first is handled (a deadline), so copies can arrive together:
// each is handled without an error, the provider is asked once, and the order has one payment. A copy handled while
// the payment is still Pending has no answer of its own: the worker's one attempt answers for all of them.
public sealed class ConcurrentAuthorizePaymentTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    private const int Copies = 8;

    [Fact]
    public async Task Given_copies_of_AuthorizePayment_for_one_order_When_delivered_at_once_Then_none_fails_and_one_payment_is_authorized_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var orderId = Guid.NewGuid();

            await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => Task.Run(() => AuthorizeAsync(orderId, "tok_visa"))));

            await Host.UntilPaymentsSettledAsync();
            var answers = await UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId);
            answers.Select(a => a.PaymentId).Distinct().ShouldHaveSingleItem();
            var payment = await PaymentOfAsync(orderId);
            payment.Attempts.ShouldBe(1);
            (await HistoryOfAsync(orderId)).Count(e => e.Event == "PaymentAuthorized").ShouldBe(1);
        }
    }
}
