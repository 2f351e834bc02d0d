using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests.Worker;

// A refund the provider fails is tried again after a backoff, always with the refund's own idempotency key, and
// answered once.
public sealed class RefundRetryTests
{
    [Fact]
    public async Task Given_a_provider_that_fails_the_first_two_refund_calls_When_a_refund_is_asked_Then_the_third_call_makes_it_once()
    {
        var orderId = Guid.NewGuid();
        var returnId = Guid.NewGuid();
        var provider = new RecordingProvider(hang: false, failRefunds: 2);
        await using var host = await PaymentsHosts.StartAsync(TimeSpan.FromSeconds(5), provider);
        await host.SendAsync(PaymentsHosts.Authorize(orderId, "tok_visa"));
        await host.UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId);
        await host.SendAsync(new Contracts.CapturePayment(orderId));
        await host.UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        await host.SendAsync(new Contracts.RefundPayment(orderId, returnId, 4m));

        var refunded = (await host.UntilReceivedAsync<PaymentRefunded>(m => m.OrderId == orderId)).Single();
        (refunded.ReturnId, refunded.RefundedAmount).ShouldBe((returnId, 4m));
        provider.Refunds.ShouldHaveSingleItem().ShouldBe(("refund-" + returnId.ToString("N"), 4m));
        var refund = await host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Refunds.AsNoTracking().SingleAsync(r => r.Id == returnId));
        refund.Attempts.ShouldBe(3);
        var history = await host.InScopeAsync(sp => sp.GetRequiredService<IPaymentQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None));
        history.Count(h => h.Event == "RefundAttemptFailed").ShouldBe(2);
        await host.UntilPaymentsSettledAsync();
    }
}
