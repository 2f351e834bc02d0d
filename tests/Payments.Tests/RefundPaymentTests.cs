using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Refunds;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Refunds (docs/adr/0020): at most once per return, never more than captured minus refunded, Refunded when all of it is.
public sealed class RefundPaymentTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_a_captured_payment_When_part_is_refunded_Then_it_stays_Captured_with_its_refundedAmount()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await CapturedPaymentAsync(orderId);
        var returnId = Guid.NewGuid();

        await RefundAsync(orderId, returnId, 20m);

        (await UntilReceivedAsync<PaymentRefunded>(m => m.OrderId == orderId)).Single()
            .ShouldBe(new PaymentRefunded(orderId, paymentId, returnId, 20m, 20m, PaymentStatus.Captured));
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.RefundedAmount).ShouldBe((PaymentStatus.Captured, 20m));
    }

    [Fact]
    public async Task Given_one_return_When_its_refund_is_asked_three_times_Then_it_is_refunded_once()
    {
        var orderId = Guid.NewGuid();
        await CapturedPaymentAsync(orderId);
        var returnId = Guid.NewGuid();

        await Task.WhenAll(RefundAsync(orderId, returnId, 20m), RefundAsync(orderId, returnId, 20m), RefundAsync(orderId, returnId, 20m));

        await UntilReceivedAsync<PaymentRefunded>(m => m.OrderId == orderId);
        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentRefunded>().Count(m => m.OrderId == orderId).ShouldBe(1);
        (await PaymentOfAsync(orderId)).RefundedAmount.ShouldBe(20m);
        (await RefundsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Succeeded);
    }

    [Fact]
    public async Task Given_everything_captured_When_it_is_refunded_in_two_returns_Then_the_payment_is_Refunded()
    {
        var orderId = Guid.NewGuid();
        await CapturedPaymentAsync(orderId);

        await RefundAsync(orderId, Guid.NewGuid(), 50m);
        await RefundAsync(orderId, Guid.NewGuid(), Amount - 50m);

        var refunded = await UntilReceivedAsync<PaymentRefunded>(m => m.OrderId == orderId, count: 2);
        refunded.Max(m => m.RefundedAmount).ShouldBe(Amount);
        refunded.Single(m => m.RefundedAmount == Amount).Status.ShouldBe(PaymentStatus.Refunded);
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.RefundedAmount).ShouldBe((PaymentStatus.Refunded, Amount));
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldContain("PaymentRefunded");
    }

    [Fact]
    public async Task Given_a_refund_above_what_is_left_When_asked_Then_it_is_refused_and_nothing_more_is_refunded()
    {
        var orderId = Guid.NewGuid();
        await CapturedPaymentAsync(orderId);
        var second = Guid.NewGuid();

        await RefundAsync(orderId, Guid.NewGuid(), 50m);
        await RefundAsync(orderId, second, 10m);

        var refused = (await UntilReceivedAsync<RefundRefused>(m => m.OrderId == orderId)).Single();
        refused.ReturnId.ShouldBe(second);
        refused.Reason.ShouldContain("more than the 9.98 EUR left to refund");
        await Host.UntilPaymentsSettledAsync();
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.RefundedAmount).ShouldBe((PaymentStatus.Captured, 50m));
        (await RefundsOfAsync(orderId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_an_authorized_payment_that_was_never_captured_When_a_refund_is_asked_Then_it_is_refused()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);

        await RefundAsync(orderId, Guid.NewGuid(), 1m);

        (await UntilReceivedAsync<RefundRefused>(m => m.OrderId == orderId)).Single().Reason.ShouldContain("captured 0");
        (await PaymentOfAsync(orderId)).RefundedAmount.ShouldBe(0m);
    }

    private async Task<Guid> CapturedPaymentAsync(Guid orderId)
    {
        var paymentId = await AuthorizedPaymentAsync(orderId);
        await CaptureAsync(orderId);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);
        return paymentId;
    }

    private Task RefundAsync(Guid orderId, Guid returnId, decimal amount) =>
        Host.DeliverAsync(new Contracts.RefundPayment(orderId, returnId, amount), PaymentsModule.Name);

    private Task<List<Refund>> RefundsOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Refunds.AsNoTracking().Where(r => r.OrderId == orderId).ToListAsync());
}
