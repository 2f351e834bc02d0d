using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// A cancelled order's void can commit while a scheduled authorization retry is still waiting for the provider.
// The retry must not then write its stale view of the payment over the void.
public sealed class VoidDuringAuthorizationTests(GatedProviderFixture fixture) : IClassFixture<GatedProviderFixture>, IAsyncLifetime
{
    private ModuleTestHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        await DatabaseReset.ResetAsync(Host.ConnectionString);
        Host.Recorder.Clear();
    }

    public Task DisposeAsync() => Host.UntilOutboxesDrainedAsync();

    [Fact]
    public async Task Given_an_authorization_retry_in_flight_When_the_payment_is_voided_Then_it_stays_Voided_and_no_authorization_is_announced()
    {
        var orderId = Guid.NewGuid();
        await Host.DeliverAsync(new Contracts.AuthorizePayment(orderId, 10m, "EUR", "card", "tok_gated"), PaymentsModule.Name);
        await fixture.Provider.SecondAttemptStarted.WaitAsync(TimeSpan.FromSeconds(15));

        await Host.DeliverAsync(new Contracts.VoidPayment(orderId), PaymentsModule.Name);
        fixture.Provider.Open();

        await Host.UntilOutboxesDrainedAsync();
        var payment = await Host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId));
        payment.Status.ShouldBe(PaymentStatus.Voided);
        Host.Recorder.Received<PaymentVoided>().ShouldContain(new PaymentVoided(orderId, payment.Id));
        Host.Recorder.Received<PaymentAuthorized>().ShouldNotContain(m => m.OrderId == orderId);
    }
}
