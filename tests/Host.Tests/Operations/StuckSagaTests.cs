using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Operations;

// Payments never answers within these tests (see UnansweredPaymentApiFactory), so only the saga's own deadlines,
// an operator or a cancellation move the order. Each test ends with the order cancelled so nothing keeps retrying.
[Collection(UnansweredPaymentCollection.Name)]
public sealed class StuckSagaTests(UnansweredPaymentApiFactory api) : StockedApiTests(api, "STUCK-SKU", 10)
{
    [Fact]
    public async Task Given_a_payment_step_that_never_answers_When_its_deadlines_run_out_Then_the_saga_is_listed_failed_and_stuck()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_timeout", (Sku, 2, 15m)));

        var saga = await WaitUntilFailedAsync(orderId);

        saga.ShouldHaveEverySagaField();
        saga.Text("currentStep").ShouldBe("AuthorizePayment");
        saga["attempts"]!.GetValue<int>().ShouldBe(2);
        saga.Text("lastError").ShouldNotBeNullOrWhiteSpace();
        saga.Text("nextAttemptAt").ShouldBeNull();
        (await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}")).Text("status").ShouldBe("Failed");
        (await StuckAsync(0)).ShouldContain(orderId.ToString());
        (await StuckAsync(3600)).ShouldNotContain(orderId.ToString());
        var order = await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Pending");
        await Storefront.AssertStockAsync(Sku, onHand: 10, reserved: 2);
        var history = await Storefront.WaitForHistoryAsync(orderId, "SagaFailed");
        history.Select(e => e.Text("traceId")).Distinct().ShouldHaveSingleItem().ShouldNotBeNull(
            "the entries the deadlines wrote (StepRetried, SagaFailed) continue the order's trace (issue 12)");

        await CancelAndAssertNothingHeldAsync(orderId);
    }

    [Fact]
    public async Task Given_a_failed_saga_When_anOperator_retries_it_Then_202_the_step_runs_again_and_the_history_names_theOperator()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_timeout", (Sku, 2, 15m)));
        await WaitUntilFailedAsync(orderId);

        var response = await Operator.RetrySagaAsync(orderId, "on-call check");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var resumed = await response.ReadJsonAsync();
        resumed.Text("status").ShouldBe("Running");
        resumed.Text("currentStep").ShouldBe("AuthorizePayment");
        resumed["attempts"]!.GetValue<int>().ShouldBe(1);
        resumed.Text("nextAttemptAt").ShouldNotBeNull();
        var history = await Storefront.WaitForHistoryAsync(orderId, "OperatorRetry");
        var retry = history.Single(e => e.Text("event") == "OperatorRetry");
        retry.Text("module").ShouldBe("Ordering");
        retry.Text("detail").ShouldNotBeNull().ShouldContain("dev-operator");
        history.FindIndex(e => e.Text("event") == "SagaFailed").ShouldBeLessThan(history.IndexOf(retry));

        await CancelAndAssertNothingHeldAsync(orderId);
    }

    [Fact]
    public async Task Given_a_retried_saga_still_waiting_When_the_order_is_cancelled_Then_it_ends_cancelled_holding_nothing()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_timeout", (Sku, 2, 15m)));
        await WaitUntilFailedAsync(orderId);
        (await Operator.RetrySagaAsync(orderId, "on-call check")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await CancelAndAssertNothingHeldAsync(orderId);
    }

    private async Task CancelAndAssertNothingHeldAsync(Guid orderId)
    {
        var cancel = await Storefront.CancelAsync(orderId);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted, await cancel.Content.ReadAsStringAsync());

        var cancelled = await Storefront.WaitForOrderAsync(orderId, o => o.Status() != "Pending", "to end after the cancellation", TimeSpan.FromSeconds(15));

        cancelled.Status().ShouldBe("Cancelled");
        await Operator.AssertPaymentAsync(cancelled, "Voided");
        cancelled.Text("shipmentStatus").ShouldBeNull();
        await Storefront.AssertStockAsync(Sku, onHand: 10, reserved: 0);
        (await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}")).Text("status").ShouldBe("Compensated");
    }

    private async Task<JsonObject> WaitUntilFailedAsync(Guid orderId) =>
        (await Poller.UntilAsync(
            async () => (await Operator.GetJsonAsync("/api/v1/ops/sagas?status=Failed"))["items"]!.AsArray()
                .Select(s => s!.AsObject()).FirstOrDefault(s => s.Text("orderId") == orderId.ToString()),
            saga => saga is not null,
            $"the saga of order {orderId} to be listed as Failed",
            TimeSpan.FromSeconds(15)))!;

    private async Task<List<string?>> StuckAsync(int seconds) =>
        (await Operator.GetJsonAsync($"/api/v1/ops/sagas?stuckForSeconds={seconds}"))["items"]!.AsArray()
            .Select(s => s!.AsObject().Text("orderId")).ToList();
}
