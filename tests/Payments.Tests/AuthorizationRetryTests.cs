using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Transient provider trouble is retried by durable scheduled messages until MaxAuthorizationAttempts (3 here).
public sealed class AuthorizationRetryTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_a_flaky_card_When_payment_is_authorized_Then_it_is_Authorized_on_the_third_attempt()
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, "tok_flaky");

        var authorized = (await UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId)).Single();
        var payment = await PaymentOfAsync(orderId);
        authorized.PaymentId.ShouldBe(payment.Id);
        payment.Status.ShouldBe(PaymentStatus.Authorized);
        payment.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_flaky_card_When_payment_is_authorized_Then_each_failed_attempt_is_in_the_history()
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, "tok_flaky");

        await UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId);
        var history = await HistoryOfAsync(orderId);
        history.Select(h => h.Event).ShouldBe(["PaymentStarted", "AuthorizationAttemptFailed", "AuthorizationAttemptFailed", "PaymentAuthorized"]);
        history[1].Detail.ShouldNotBeNull().ShouldStartWith("Provider attempt 1 of 3");
        history[2].Detail.ShouldNotBeNull().ShouldStartWith("Provider attempt 2 of 3");
        history[3].Detail.ShouldBe("attempt 3");
    }

    [Fact]
    public async Task Given_a_provider_that_never_answers_When_payment_is_authorized_Then_PaymentFailed_is_published_after_three_attempts()
    {
        var orderId = Guid.NewGuid();

        await AuthorizeAsync(orderId, "tok_timeout");

        var failed = (await UntilReceivedAsync<PaymentFailed>(m => m.OrderId == orderId)).Single();
        var payment = await PaymentOfAsync(orderId);
        failed.PaymentId.ShouldBe(payment.Id);
        payment.Status.ShouldBe(PaymentStatus.Failed);
        payment.Attempts.ShouldBe(PaymentsModuleFixture.MaxAttempts);
        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentAuthorized>().ShouldNotContain(m => m.OrderId == orderId);
    }
}
