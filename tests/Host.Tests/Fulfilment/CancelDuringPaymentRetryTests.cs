using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Fulfilment;

// Issue 9 fault 3: a cancel of an order whose payment Payments is retrying takes effect at once. Payments hears of it
// immediately (VoidPayment), starts no provider attempt after that, and the order is Cancelled within about a second
// plus at most the one provider call in flight.
[Collection(PaymentRetryCollection.Name)]
public sealed class CancelDuringPaymentRetryTests(PaymentRetryApiFactory api) : IAsyncLifetime
{
    private const string Sku = "RETRY-SKU";

    // A second for the cancellation's own messages and one provider call in flight, plus room for a busy machine.
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1) + PaymentRetryApiFactory.CallTimeout + TimeSpan.FromSeconds(1.5);

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("tok_timeout")]
    [InlineData("tok_flaky")]
    public async Task Given_a_payment_being_retried_When_the_order_is_cancelled_Then_it_is_Cancelled_promptly_and_no_attempt_starts_after_the_void(string token)
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody(token, (Sku, 2, 15m)));
        var retrying = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Pending", "to show its payment being retried");
        var attemptsAtCancel = (await _operator.GetJsonAsync($"/api/v1/payments/{retrying.Text("paymentId")}"))["attempts"]!.GetValue<int>();
        var clock = Stopwatch.StartNew();

        var cancel = await _storefront.CancelAsync(orderId, "changed my mind");

        cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted, await cancel.Content.ReadAsStringAsync());
        (await cancel.ReadJsonAsync()).Text("cancellationRequestedAt").ShouldNotBeNull();
        // On a busy machine tok_flaky's payment can be approved and the order Confirmed before the cancel arrives; the
        // accepted cancel is then still under way (cancellationRequestedAt set) and must end in Cancelled.
        var cancelled = await _storefront.WaitForOrderAsync(orderId, o => o.Status() != "Pending" && o.Text("cancellationRequestedAt") is null,
            "to end after the cancellation", Promptly);
        clock.Stop();
        cancelled.Status().ShouldBe("Cancelled", $"after {clock.Elapsed}");
        cancelled.Text("cancellationRequestedAt").ShouldBeNull();
        var payment = await _operator.AssertPaymentAsync(cancelled, "Voided");
        // Until the void reaches Payments, retries keep falling due (the worker does not wait for deliveries); the
        // history check below proves that none starts after the void.
        var retriesBeforeTheVoid = (int)(clock.Elapsed / PaymentRetryApiFactory.ShortestRetryDelay);
        payment["attempts"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(attemptsAtCancel + 1 + retriesBeforeTheVoid,
            $"only the attempt in flight at the cancel and those due before the void ({clock.Elapsed}) may have run");
        await _storefront.AssertStockAsync(Sku, onHand: 10, reserved: 0);
        var payments = await PaymentHistoryAsync(orderId);
        // On a busy machine tok_flaky's third attempt may be approved before the cancel reaches Payments; then the
        // void releases that authorization. Nothing may happen to the payment after the void.
        payments.Skip(payments.IndexOf("PaymentVoided")).ShouldNotContain("PaymentAuthorized");
        payments.Skip(payments.IndexOf("PaymentVoided")).ShouldNotContain("AuthorizationAttemptFailed");
        await Task.Delay(PaymentRetryApiFactory.CallTimeout * 2);
        (await _operator.GetJsonAsync($"/api/v1/payments/{payment.Text("paymentId")}"))["attempts"]!.GetValue<int>()
            .ShouldBe(payment["attempts"]!.GetValue<int>(), "no attempt may start once the payment is voided");
    }

    private async Task<List<string?>> PaymentHistoryAsync(Guid orderId) =>
        (await _storefront.WaitForHistoryAsync(orderId, "PaymentVoided"))
            .Where(e => e.Text("module") == "Payments").Select(e => e.Text("event")).ToList();
}
