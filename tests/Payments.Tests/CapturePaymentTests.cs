using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.CapturePayment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.VoidPayment;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

public sealed class CapturePaymentTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_payment_When_it_is_captured_Then_it_is_Captured_and_PaymentCaptured_is_published()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);

        await CaptureAsync(orderId);

        (await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId)).Single().ShouldBe(new PaymentCaptured(orderId, paymentId));
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Captured);
    }

    [Fact]
    public async Task Given_a_captured_payment_When_capture_is_asked_again_Then_nothing_more_happens()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await CaptureAsync(orderId);

        await CaptureAsync(orderId);

        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentCaptured>().Count(m => m.OrderId == orderId).ShouldBe(1);
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Captured);
    }

    [Fact]
    public async Task Given_a_voided_payment_When_it_is_captured_Then_the_transition_is_refused_and_it_stays_Voided()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await VoidAsync(orderId);
        await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId);

        var refused = await Should.ThrowAsync<InvalidTransitionException>(() => Host.SendAsync(new CapturePaymentCommand(orderId)));

        refused.State.ShouldBe(nameof(PaymentStatus.Voided));
        refused.Trigger.ShouldBe(nameof(PaymentTrigger.Capture));
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Voided);
    }

    [Fact]
    public async Task Given_a_void_that_is_due_When_the_payment_is_captured_Then_the_capture_is_refused_and_the_void_goes_ahead()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await Host.SendAsync(new VoidPaymentCommand(orderId));

        // Refused whether the worker has made the void yet (state Voided) or not (guard "no void is due").
        var refused = await Should.ThrowAsync<InvalidTransitionException>(() => Host.SendAsync(new CapturePaymentCommand(orderId)));

        refused.Trigger.ShouldBe(nameof(PaymentTrigger.Capture));
        await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId);
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Voided);
    }

    [Fact]
    public async Task Given_a_declined_payment_When_it_is_captured_Then_the_transition_is_refused()
    {
        var orderId = Guid.NewGuid();
        await AuthorizeAsync(orderId, "tok_declined");
        await UntilReceivedAsync<PaymentDeclined>(m => m.OrderId == orderId);

        await Should.ThrowAsync<InvalidTransitionException>(() => Host.SendAsync(new CapturePaymentCommand(orderId)));

        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Declined);
    }

    [Fact]
    public async Task Given_no_payment_for_the_order_When_it_is_captured_Then_it_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => Host.SendAsync(new CapturePaymentCommand(Guid.NewGuid())));
    }
}
