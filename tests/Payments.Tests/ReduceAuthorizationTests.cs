using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.ReduceAuthorization;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Line cancellations (docs/adr/0021): a partial void lowers the authorized amount, once per cancellation, never below
// what captures asked for.
public sealed class ReduceAuthorizationTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_payment_When_a_cancellation_reduces_it_Then_the_amount_drops_and_the_capture_takes_only_the_rest()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);

        await ReduceAsync(orderId, Guid.NewGuid(), 19.99m);
        await CaptureAsync(orderId);

        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.Amount, payment.CapturedAmount).ShouldBe((PaymentStatus.Captured, 39.99m, 39.99m));
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldBe(["PaymentStarted", "PaymentAuthorized", "AuthorizationReduced", "PaymentCaptured"]);
    }

    [Fact]
    public async Task Given_a_reduction_When_it_is_delivered_again_or_sent_again_Then_the_amount_drops_once()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        var cancellation = Guid.NewGuid();

        await ReduceAsync(orderId, cancellation, 10m);
        await ReduceAsync(orderId, cancellation, 10m);
        await Host.SendAsync(new ReduceAuthorizationCommand(orderId, cancellation, 10m));

        (await PaymentOfAsync(orderId)).Amount.ShouldBe(Amount - 10m);
        (await HistoryOfAsync(orderId)).Count(h => h.Event == "AuthorizationReduced").ShouldBe(1);
    }

    [Fact]
    public async Task Given_captures_asked_for_When_a_reduction_would_go_below_them_or_below_zero_Then_it_is_refused_and_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await Host.DeliverAsync(new Contracts.CapturePayment(orderId, Guid.NewGuid(), 50m), PaymentsModule.Name);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        var belowCaptured = await Should.ThrowAsync<ConflictException>(() => Host.SendAsync(new ReduceAuthorizationCommand(orderId, Guid.NewGuid(), 10m)));
        var belowZero = await Should.ThrowAsync<ConflictException>(() => Host.SendAsync(new ReduceAuthorizationCommand(orderId, Guid.NewGuid(), Amount + 1m)));

        (belowCaptured.Code, belowZero.Code).ShouldBe(("reduction-below-captured", "reduction-below-captured"));
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.Amount, payment.CapturedAmount).ShouldBe((PaymentStatus.PartiallyCaptured, Amount, 50m));
    }

    [Fact]
    public async Task Given_a_partly_captured_payment_When_a_reduction_leaves_exactly_what_was_captured_Then_it_is_Captured_and_says_so()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);
        await Host.DeliverAsync(new Contracts.CapturePayment(orderId, Guid.NewGuid(), 50m), PaymentsModule.Name);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        await ReduceAsync(orderId, Guid.NewGuid(), 9.98m);

        (await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId, count: 2)).Last()
            .ShouldBe(new PaymentCaptured(orderId, paymentId, Status: PaymentStatus.Captured));
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.Amount, payment.CapturedAmount).ShouldBe((PaymentStatus.Captured, 50m, 50m));
    }

    [Fact]
    public async Task Given_a_voided_payment_When_a_reduction_comes_Then_it_is_left_as_it_is()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await VoidAsync(orderId);
        await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId);

        await ReduceAsync(orderId, Guid.NewGuid(), 10m);

        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.Amount).ShouldBe((PaymentStatus.Voided, Amount));
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldContain("AuthorizationNotReduced");
    }

    private Task ReduceAsync(Guid orderId, Guid cancellationId, decimal amount) =>
        Host.DeliverAsync(new Contracts.ReduceAuthorization(orderId, cancellationId, amount), PaymentsModule.Name);
}
