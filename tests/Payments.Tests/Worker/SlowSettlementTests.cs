using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests.Worker;

// Issue 17 fault 1, as a kind: captures and voids must not occupy the delivery path either. With more hanging
// captures and voids than Payments has delivery slots, another order is authorized and captured at once.
public sealed class SlowSettlementTests
{
    private const int Hanging = 12;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Given_captures_and_voids_hanging_at_the_provider_When_another_order_follows_Then_it_is_authorized_and_captured_before_any_of_them_times_out()
    {
        var provider = new SlowSettlementProvider();
        await using var host = await PaymentsHosts.StartAsync(CallTimeout, provider);
        var slow = Enumerable.Range(0, Hanging).Select(_ => Guid.NewGuid()).ToList();
        await host.SendAsync([.. slow.Select(id => PaymentsHosts.Authorize(id, SlowSettlementProvider.Slow))]);
        await host.UntilReceivedAsync<PaymentAuthorized>(m => slow.Contains(m.OrderId), Hanging, TimeSpan.FromSeconds(30));
        await host.SendAsync([.. slow.Select((id, i) => i % 2 == 0 ? (object)new Contracts.CapturePayment(id) : new Contracts.VoidPayment(id))]);
        // Before the fix, the dispatcher's slots (4) hold hanging calls; after it, the worker holds all of them.
        await Poller.UntilAsync(() => Task.FromResult(provider.Hanging), n => n >= 4, "the provider to hold captures and voids", TimeSpan.FromSeconds(10));
        var fast = Guid.NewGuid();
        var clock = Stopwatch.StartNew();

        await host.SendAsync(PaymentsHosts.Authorize(fast, "tok_visa"));
        await host.UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == fast, timeout: CallTimeout * 2);
        await host.SendAsync(new Contracts.CapturePayment(fast));
        await host.UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == fast, timeout: CallTimeout * 2);
        clock.Stop();

        // Milliseconds on a quiet machine; half the call timeout leaves room for a busy one (before, at least a timeout).
        clock.Elapsed.ShouldBeLessThan(CallTimeout / 2, "the other order must not wait for the hanging captures and voids");
        provider.Hanging.ShouldBe(Hanging, "every hanging call is the worker's, none has timed out yet");
        host.Recorder.Received<PaymentCaptured>().ShouldNotContain(m => slow.Contains(m.OrderId));
        host.Recorder.Received<PaymentVoided>().ShouldNotContain(m => slow.Contains(m.OrderId));

        // The database is shared with the next test's host: leave nothing due.
        provider.Release();
        await host.UntilPaymentsSettledAsync();
    }

    [Fact]
    public async Task Given_a_capture_that_fails_unexpectedly_When_its_message_is_delivered_again_Then_the_delivery_captures_it_once()
    {
        var provider = new SlowSettlementProvider();
        await using var host = await PaymentsHosts.StartAsync(TimeSpan.FromSeconds(5), provider);
        var orderId = Guid.NewGuid();
        await host.SendAsync(PaymentsHosts.Authorize(orderId, SlowSettlementProvider.Error));
        var paymentId = (await host.UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId)).Single().PaymentId;

        await host.SendAsync(new Contracts.CapturePayment(orderId));

        (await host.UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId)).Single().PaymentId.ShouldBe(paymentId);
        await host.UntilPaymentsSettledAsync();
        host.Recorder.Received<PaymentCaptured>().Count(m => m.OrderId == orderId).ShouldBe(1);
        var history = await host.InScopeAsync(sp => sp.GetRequiredService<IPaymentQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None));
        history.Select(h => h.Event).ShouldContain("CaptureFaulted");
        history.Count(h => h.Event == "PaymentCaptured").ShouldBe(1);
    }
}
