using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.VoidPayment;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

public sealed class VoidPaymentTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_payment_When_it_is_voided_Then_it_is_Voided_and_PaymentVoided_names_it()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);

        await VoidAsync(orderId);

        (await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId)).Single().ShouldBe(new PaymentVoided(orderId, paymentId));
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Voided);
    }

    [Fact]
    public async Task Given_no_payment_for_the_order_When_it_is_voided_Then_PaymentVoided_is_still_published_without_a_payment_id()
    {
        var orderId = Guid.NewGuid();

        await VoidAsync(orderId);

        (await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId)).Single().ShouldBe(new PaymentVoided(orderId, null));
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Voided);
    }

    [Fact]
    public async Task Given_a_void_that_arrived_before_any_authorization_When_the_authorization_request_comes_late_Then_nothing_is_authorized()
    {
        var orderId = Guid.NewGuid();
        await VoidAsync(orderId);
        await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId);

        await AuthorizeAsync(orderId, "tok_visa");

        var payments = await PaymentsOfAsync(orderId);
        payments.Single().Status.ShouldBe(PaymentStatus.Voided);
        payments.Single().Attempts.ShouldBe(0);
        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentAuthorized>().ShouldNotContain(m => m.OrderId == orderId);
    }

    [Fact]
    public async Task Given_a_declined_payment_When_it_is_voided_Then_PaymentVoided_is_published_and_it_stays_Declined()
    {
        var orderId = Guid.NewGuid();
        await AuthorizeAsync(orderId, "tok_declined");
        await UntilReceivedAsync<PaymentDeclined>(m => m.OrderId == orderId);

        await VoidAsync(orderId);

        await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId);
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Declined);
    }

    [Fact]
    public async Task Given_a_captured_payment_When_it_is_voided_Then_the_transition_is_refused_and_it_stays_Captured()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await CaptureAsync(orderId);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        var refused = await Should.ThrowAsync<InvalidTransitionException>(() => Host.SendAsync(new VoidPaymentCommand(orderId)));

        refused.State.ShouldBe(nameof(PaymentStatus.Captured));
        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.Captured);
    }

    [Fact]
    public async Task Given_a_payment_still_retrying_When_it_is_voided_Then_it_is_Voided_and_the_retries_stop()
    {
        var orderId = Guid.NewGuid();
        await AuthorizeAsync(orderId, "tok_timeout");

        await VoidAsync(orderId);

        await UntilReceivedAsync<PaymentVoided>(m => m.OrderId == orderId);
        await Host.UntilPaymentsSettledAsync();
        var payment = await PaymentOfAsync(orderId);
        payment.Status.ShouldBe(PaymentStatus.Voided);
        Host.Recorder.Received<PaymentFailed>().ShouldNotContain(m => m.OrderId == orderId);
    }
}
