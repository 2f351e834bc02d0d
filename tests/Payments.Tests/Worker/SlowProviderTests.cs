using System.Diagnostics;
using OrderManagement.Payments.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests.Worker;

// Issue 17 fault 1: a provider call must not occupy the delivery path. Many tok_timeout calls wait for their whole
// timeout while a tok_visa payment sent after them is answered at once.
public sealed class SlowProviderTests
{
    private const int Hanging = 30;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Given_many_provider_calls_hanging_When_a_tok_visa_payment_follows_Then_it_is_authorized_before_any_of_them_times_out()
    {
        await using var host = await PaymentsHosts.StartAsync(CallTimeout);
        var hanging = Enumerable.Range(0, Hanging).Select(_ => Guid.NewGuid()).ToList();
        await host.SendAsync([.. hanging.Select(id => PaymentsHosts.Authorize(id, "tok_timeout"))]);
        var visa = Guid.NewGuid();
        var clock = Stopwatch.StartNew();

        await host.SendAsync(PaymentsHosts.Authorize(visa, "tok_visa"));

        await host.UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == visa, timeout: CallTimeout * 2);
        clock.Stop();
        // Milliseconds on a quiet machine; half the call timeout leaves room for a busy one (before, it took at least a timeout).
        clock.Elapsed.ShouldBeLessThan(CallTimeout / 2, "the tok_visa payment must not wait for the hanging calls");
        host.Recorder.Received<PaymentFailed>().ShouldBeEmpty("no hanging call has timed out yet");
        await host.UntilReceivedAsync<PaymentFailed>(m => hanging.Contains(m.OrderId), Hanging, CallTimeout * 3);
    }
}
