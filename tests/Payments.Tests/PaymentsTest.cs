using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Each test starts from empty tables and ends once everything it caused (scheduled retries too) has been delivered.
public abstract class PaymentsTest(PaymentsModuleFixture fixture) : IClassFixture<PaymentsModuleFixture>, IAsyncLifetime
{
    protected const decimal Amount = 59.98m;
    protected const string Currency = "EUR";

    protected ModuleTestHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Host.Recorder.Clear();
    }

    public Task DisposeAsync() => Host.UntilPaymentsSettledAsync();

    protected Task AuthorizeAsync(Guid orderId, string token, decimal amount = Amount) =>
        Host.DeliverAsync(new Contracts.AuthorizePayment(orderId, amount, Currency, "card", token), PaymentsModule.Name);

    protected Task CaptureAsync(Guid orderId) => Host.DeliverAsync(new Contracts.CapturePayment(orderId), PaymentsModule.Name);

    protected Task VoidAsync(Guid orderId) => Host.DeliverAsync(new Contracts.VoidPayment(orderId), PaymentsModule.Name);

    // Authorizes with tok_visa and waits for the answer: the starting point of capture and void tests.
    protected async Task<Guid> AuthorizedPaymentAsync(Guid orderId)
    {
        await AuthorizeAsync(orderId, "tok_visa");
        return (await UntilReceivedAsync<PaymentAuthorized>(m => m.OrderId == orderId)).Single().PaymentId;
    }

    protected Task<IReadOnlyList<T>> UntilReceivedAsync<T>(Func<T, bool> match, int count = 1) =>
        Host.UntilReceivedAsync(match, count);

    protected Task<IReadOnlyList<PaymentHistoryEntry>> HistoryOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<IPaymentQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None));

    private protected Task<List<Payment>> PaymentsOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Payments.AsNoTracking()
            .Where(p => p.OrderId == orderId).ToListAsync());

    private protected async Task<Payment> PaymentOfAsync(Guid orderId) => (await PaymentsOfAsync(orderId)).ShouldHaveSingleItem();
}
