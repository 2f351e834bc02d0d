using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.GetPayment;

namespace OrderManagement.Payments.Tests;

public sealed class GetPaymentTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_payment_When_it_is_read_Then_the_view_holds_its_order_amount_currency_status_and_attempts()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);

        var view = await Host.SendAsync(new GetPaymentQuery(paymentId));

        view.ShouldBe(new PaymentView(paymentId, orderId, Amount, Currency, Status: PaymentStatus.Authorized, Attempts: 1, RefundedAmount: 0m, CapturedAmount: 0m, view.Captures));
        view.Captures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_amount_with_cents_When_the_payment_is_read_Then_the_amount_is_exact()
    {
        var orderId = Guid.NewGuid();
        await AuthorizeAsync(orderId, "tok_visa", amount: 1234.05m);
        var paymentId = (await PaymentOfAsync(orderId)).Id;

        var view = await Host.SendAsync(new GetPaymentQuery(paymentId));

        view.Amount.ShouldBe(1234.05m);
    }

    [Fact]
    public async Task Given_an_unknown_payment_id_When_it_is_read_Then_it_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => Host.SendAsync(new GetPaymentQuery(Guid.NewGuid())));
    }
}
