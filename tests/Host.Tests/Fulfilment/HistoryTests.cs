using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Fulfilment;

[Collection(ApiCollection.Name)]
public sealed class HistoryTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "BOOK-SICP";
    private static readonly string[] Modules = ["Ordering", "Inventory", "Payments", "Shipping"];

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_order_that_is_shipped_and_delivered_When_its_history_is_read_Then_it_lists_every_step_in_order()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 30m)));
        var confirmed = await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        await ShipAndDeliverAsync(orderId, confirmed.Text("shipmentId")!);

        var entries = await ReadHistoryAsync(orderId);

        AssertWellFormed(entries);
        AssertInOrder(entries,
            ("Ordering", "OrderPlaced"), ("Inventory", "StockReserved"), ("Payments", "PaymentAuthorized"),
            ("Shipping", "ShipmentCreated"), ("Ordering", "OrderConfirmed"), ("Shipping", "ShipmentDispatched"),
            ("Ordering", "OrderShipped"), ("Payments", "PaymentCaptured"), ("Shipping", "ShipmentDelivered"), ("Ordering", "OrderDelivered"));
        AssertInOrder(entries, ("Ordering", "OrderShipped"), ("Inventory", "StockCommitted"), ("Shipping", "ShipmentDelivered"));
        var placed = entries.First(e => e.Text("event") == "OrderPlaced");
        placed.Text("fromState").ShouldBeNull();
        placed.Text("toState").ShouldBe("Pending");
        var confirmation = entries.First(e => e.Text("event") == "OrderConfirmed");
        confirmation.Text("fromState").ShouldBe("Pending");
        confirmation.Text("toState").ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Given_a_declined_payment_When_the_history_is_read_Then_it_shows_the_decline_and_the_release_before_the_rejection()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_declined", (Sku, 2, 30m)));
        await _storefront.WaitForStatusAsync(orderId, "Rejected");

        var entries = await ReadHistoryAsync(orderId);

        AssertWellFormed(entries);
        AssertInOrder(entries,
            ("Ordering", "OrderPlaced"), ("Inventory", "StockReserved"), ("Payments", "PaymentDeclined"),
            ("Inventory", "StockReleased"), ("Ordering", "OrderRejected"));
        entries.ShouldNotContain(e => e.Text("module") == "Shipping");
        entries.Last(e => e.Text("event") == "OrderRejected").Text("toState").ShouldBe("Rejected");
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_the_history_is_read_Then_it_names_who_asked_and_shows_every_give_back()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 30m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        (await _storefront.CancelAsync(orderId, "wrong size")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(orderId, "Cancelled");

        var entries = await ReadHistoryAsync(orderId);

        AssertWellFormed(entries);
        AssertInOrder(entries,
            ("Ordering", "OrderConfirmed"), ("Ordering", "CancellationRequested"), ("Shipping", "ShipmentCancelled"),
            ("Payments", "PaymentVoided"), ("Inventory", "StockReleased"), ("Ordering", "OrderCancelled"));
        var request = entries.Single(e => e.Text("event") == "CancellationRequested");
        request.Text("detail").ShouldNotBeNull().ShouldContain("dev-storefront");
        request.Text("detail")!.ShouldContain("wrong size");
    }

    [Fact]
    public async Task Given_an_unknown_order_When_its_history_is_read_Then_404()
    {
        var response = await _storefront.GetAsync($"/api/v1/orders/{Guid.NewGuid()}/history");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_an_order_that_progresses_When_the_history_is_read_at_each_stage_Then_earlier_entries_are_never_renumbered()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 30m)));
        var confirmed = await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        var atConfirmation = await ReadHistoryAsync(orderId);

        await ShipAndDeliverAsync(orderId, confirmed.Text("shipmentId")!);
        var atDelivery = await ReadHistoryAsync(orderId);

        atDelivery.Count.ShouldBeGreaterThan(atConfirmation.Count);
        AssertExtends(atConfirmation, atDelivery);
        AssertWellFormed(atDelivery);
    }

    // A cancellation lands while Payments is still inside its first (slow) provider call, so two modules
    // write history at overlapping times; a reader polling throughout must never see an entry move.
    [Fact]
    public async Task Given_a_cancel_during_a_slow_payment_When_the_history_is_polled_throughout_Then_no_entry_ever_moves()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_timeout", (Sku, 1, 30m)));
        var reads = new List<List<JsonObject>>();
        await Poller.UntilAsync(async () =>
        {
            reads.Add(await ReadHistoryAsync(orderId));
            return reads[^1].Any(e => e.Text("event") == "StepStarted" && e.Text("toState") == "AuthorizePayment");
        }, "the payment step to start");

        (await _storefront.CancelAsync(orderId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Poller.UntilAsync(async () =>
        {
            reads.Add(await ReadHistoryAsync(orderId));
            return reads[^1].Any(e => e.Text("event") is "OrderCancelled" or "OrderRejected");
        }, "the order to end", TimeSpan.FromSeconds(30));

        for (var i = 1; i < reads.Count; i++)
        {
            AssertExtends(reads[i - 1], reads[i]);
        }

        AssertWellFormed(reads[^1]);
    }

    private async Task ShipAndDeliverAsync(Guid orderId, string shipmentId)
    {
        (await _operator.DispatchAsync(shipmentId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForOrderAsync(orderId, o => o.Status() == "Shipped" && o.Text("paymentStatus") == "Captured", "shipped and captured");
        await _storefront.WaitForStockAsync(Sku, onHand: 9, reserved: 0);
        (await _operator.PostAsync($"/api/v1/shipments/{shipmentId}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(orderId, "Delivered");
    }

    private async Task<List<JsonObject>> ReadHistoryAsync(Guid orderId)
    {
        var history = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}/history");
        history.Text("orderId").ShouldBe(orderId.ToString());
        return history["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private static void AssertWellFormed(List<JsonObject> entries)
    {
        entries.Select(e => e["sequence"]!.GetValue<int>()).ShouldBe(Enumerable.Range(1, entries.Count));
        foreach (var entry in entries)
        {
            foreach (var field in new[] { "sequence", "occurredAt", "module", "event", "fromState", "toState", "detail" })
            {
                entry.ContainsKey(field).ShouldBeTrue($"history entry lacks '{field}': {entry.ToJsonString()}");
            }

            entry.Text("module").ShouldBeOneOf(Modules);
            entry.Text("event").ShouldNotBeNullOrWhiteSpace();
        }
    }

    // The expected entries appear in this order (others may sit between them).
    private static void AssertInOrder(List<JsonObject> entries, params (string Module, string Event)[] expected)
    {
        var position = -1;
        foreach (var (module, @event) in expected)
        {
            var found = entries.FindIndex(position + 1, e => e.Text("module") == module && e.Text("event") == @event);
            found.ShouldBeGreaterThan(position,
                $"expected {module}/{@event} after entry {position + 1}; history: {string.Join(", ", entries.Select(e => $"{e["sequence"]}:{e.Text("module")}/{e.Text("event")}"))}");
            position = found;
        }
    }

    private static void AssertExtends(List<JsonObject> earlier, List<JsonObject> later)
    {
        later.Count.ShouldBeGreaterThanOrEqualTo(earlier.Count);
        for (var i = 0; i < earlier.Count; i++)
        {
            later[i].ToJsonString().ShouldBe(earlier[i].ToJsonString(), $"history entry {i + 1} changed between two reads");
        }
    }
}
