using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests.Worker;

// A host that goes down while the provider call is in flight leaves the payment to the next host, which asks the
// provider again for the same attempt with the same idempotency key: one authorization, one answer.
public sealed class CrashDuringCallTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Given_a_provider_call_in_flight_When_the_host_goes_down_Then_the_next_host_authorizes_the_same_attempt_once()
    {
        var orderId = Guid.NewGuid();
        var hanging = new RecordingProvider(hang: true);
        var first = await PaymentsHosts.StartAsync(CallTimeout, hanging);
        await first.SendAsync(PaymentsHosts.Authorize(orderId, "tok_visa"));
        await hanging.Called.WaitAsync(TimeSpan.FromSeconds(15));

        await first.DisposeAsync();
        var answering = new RecordingProvider(hang: false);
        await using var second = await PaymentsHosts.StartAsync(CallTimeout, answering, reset: false);

        var authorized = await second.UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId, timeout: TimeSpan.FromSeconds(20));
        await second.UntilOutboxesDrainedAsync();
        var payment = await second.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId));
        (payment.Status, payment.Attempts, payment.Id).ShouldBe((PaymentStatus.Authorized, 1, authorized.Single().PaymentId));
        var before = hanging.Authorizations.ShouldHaveSingleItem();
        var after = answering.Authorizations.ShouldHaveSingleItem();
        (after.IdempotencyKey, after.Attempt).ShouldBe((before.IdempotencyKey, before.Attempt));
        second.Recorder.Received<PaymentAuthorized>().Count(m => m.OrderId == orderId).ShouldBe(1);
        var history = await second.InScopeAsync(sp => sp.GetRequiredService<IPaymentQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None));
        history.Count(h => h.Event == "PaymentAuthorized").ShouldBe(1);
    }
}
