using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// A cancelled order's void can arrive while an authorization attempt is waiting for the provider. The void does not
// wait for that call (no row lock is held across it): the payment is Voided at once, and an approval that lands
// afterwards is voided at the provider; no attempt starts after the void.
public sealed class VoidDuringAuthorizationTests(GatedProviderFixture fixture) : IClassFixture<GatedProviderFixture>, IAsyncLifetime
{
    private ModuleTestHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Host.Recorder.Clear();
    }

    public Task DisposeAsync() => Host.UntilPaymentsSettledAsync();

    [Fact]
    public async Task Given_an_authorization_attempt_in_flight_When_the_payment_is_voided_Then_it_is_Voided_at_once_and_the_late_approval_is_voided_at_the_provider()
    {
        var orderId = Guid.NewGuid();
        await Host.DeliverAsync(new Contracts.AuthorizePayment(orderId, 10m, "EUR", "card", "tok_gated"), PaymentsModule.Name);
        await fixture.Provider.SecondAttemptStarted.WaitAsync(TimeSpan.FromSeconds(15));

        await Host.DeliverAsync(new Contracts.VoidPayment(orderId), PaymentsModule.Name).WaitAsync(TimeSpan.FromSeconds(3));

        var voided = await PaymentAsync(orderId);
        (voided.Status, voided.Attempts).ShouldBe((PaymentStatus.Voided, 2));
        await Host.UntilReceivedAsync<PaymentVoided>(m => m == new PaymentVoided(orderId, voided.Id));
        fixture.Provider.Open();
        var code = await Poller.UntilAsync(() => Task.FromResult(fixture.Provider.Voids.ToList()), v => v.Count > 0, "the late approval to be voided at the provider");
        code.ShouldHaveSingleItem().ShouldStartWith("gated-");
        await Poller.UntilAsync(() => HistoryAsync(orderId), h => h.Contains("LateAuthorizationVoided"), "the late approval's void in the history");
        await Host.UntilPaymentsSettledAsync();
        var payment = await PaymentAsync(orderId);
        (payment.Status, payment.Attempts).ShouldBe((PaymentStatus.Voided, 2));
        Host.Recorder.Received<PaymentAuthorized>().ShouldBeEmpty();
    }

    private Task<Payment> PaymentAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId));

    private async Task<List<string>> HistoryAsync(Guid orderId) =>
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IPaymentQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None)))
        .Select(h => h.Event).ToList();
}
