using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// A cancelled order's void can arrive while an authorization retry is waiting for the provider. The void waits for
// that one call (the payment's row is locked around it), then voids whatever it authorized; no attempt starts after it.
public sealed class VoidDuringAuthorizationTests(GatedProviderFixture fixture) : IClassFixture<GatedProviderFixture>, IAsyncLifetime
{
    private ModuleTestHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Host.Recorder.Clear();
    }

    public Task DisposeAsync() => Host.UntilOutboxesDrainedAsync();

    [Fact]
    public async Task Given_an_authorization_retry_in_flight_When_the_payment_is_voided_Then_the_void_waits_for_it_and_leaves_the_payment_Voided()
    {
        var orderId = Guid.NewGuid();
        await Host.DeliverAsync(new Contracts.AuthorizePayment(orderId, 10m, "EUR", "card", "tok_gated"), PaymentsModule.Name);
        await fixture.Provider.SecondAttemptStarted.WaitAsync(TimeSpan.FromSeconds(15));

        var voiding = Host.DeliverAsync(new Contracts.VoidPayment(orderId), PaymentsModule.Name);
        await Task.Delay(200);
        voiding.IsCompleted.ShouldBeFalse("the void waits for the provider call in flight");
        fixture.Provider.Open();
        await voiding;

        await Host.UntilOutboxesDrainedAsync();
        var payment = await Host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId));
        (payment.Status, payment.Attempts).ShouldBe((PaymentStatus.Voided, 2));
        Host.Recorder.Received<PaymentVoided>().ShouldContain(new PaymentVoided(orderId, payment.Id));
    }
}
