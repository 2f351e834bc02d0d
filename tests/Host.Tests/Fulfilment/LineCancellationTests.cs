using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Fulfilment;

// Cancelling some lines before they ship (issue 16 point 3, docs/adr/0021) through the real HTTP pipeline and modules:
// Shipping takes the units off the remainder shipment, then the order's lines and total, the reservation and the
// authorization follow; the order ships and captures only what is left.
[Collection(ApiCollection.Name)]
public sealed class LineCancellationTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        foreach (var sku in new[] { "LC-SHIRT", "LC-MUG", "LC-SOCKS" })
        {
            await _operator.SetStockAsync(sku, 10);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_three_line_order_When_one_line_is_cancelled_Then_stock_authorization_remainder_total_and_history_follow_and_it_captures_only_the_rest()
    {
        var (orderId, remainderId) = await ConfirmedOrderAsync(("LC-SHIRT", 2, 10.00m), ("LC-MUG", 1, 5.50m), ("LC-SOCKS", 3, 1.25m));

        var accepted = await CancelLinesAsync(_storefront, orderId, ("LC-MUG", 1));

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.ETag.ShouldNotBeNull();
        var requested = (await accepted.ReadJsonAsync())["lineCancellations"]!.AsArray().Single()!;
        (requested.Text("status"), requested["amount"]!.GetValue<decimal>()).ShouldBe(("Requested", 5.50m));
        var cancelled = await _storefront.WaitForOrderAsync(orderId, o => CancellationStatus(o) == "Cancelled", "the line cancellation to be decided");
        cancelled.Status().ShouldBe("Confirmed");
        cancelled["total"]!.GetValue<decimal>().ShouldBe(23.75m);
        Lines(cancelled).ShouldBe([("LC-SHIRT", 2, 0, 20.00m), ("LC-MUG", 0, 1, 0m), ("LC-SOCKS", 3, 0, 3.75m)]);
        await _operator.WaitForStockAsync("LC-MUG", onHand: 10, reserved: 0);
        await _operator.AssertStockAsync("LC-SHIRT", onHand: 10, reserved: 2);
        var payment = await Poller.UntilAsync(() => _operator.GetJsonAsync($"/api/v1/payments/{cancelled.Text("paymentId")}"),
            p => p["amount"]!.GetValue<decimal>() == 23.75m, "the authorization to be reduced", FulfilmentProbes.Patience);
        payment.Text("status").ShouldBe("Authorized");
        (await _operator.GetJsonAsync($"/api/v1/shipments/{remainderId}"))["lines"]!.AsArray().Select(l => (l!.Text("sku"), l!["quantity"]!.GetValue<int>()))
            .ShouldBe([("LC-SHIRT", 2), ("LC-SOCKS", 3)]);

        (await _operator.DispatchAsync(remainderId, "LC-1")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(orderId, "Shipped");
        var captured = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Captured", "the payment to be captured");
        (await _operator.AssertPaymentAsync(captured, "Captured"))["capturedAmount"]!.GetValue<decimal>().ShouldBe(23.75m);
        await _operator.WaitForStockAsync("LC-SHIRT", onHand: 8, reserved: 0);
        await _operator.AssertStockAsync("LC-SOCKS", onHand: 7, reserved: 0);
        await _operator.AssertStockAsync("LC-MUG", onHand: 10, reserved: 0);
        var history = await _storefront.WaitForHistoryAsync(orderId, "OrderShipped");
        foreach (var expected in new[] { "LineCancellationRequested", "ShipmentLinesCancelled", "LinesCancelled", "StockPartlyReleased", "AuthorizationReduced" })
        {
            history.Count(e => e.Text("event") == expected).ShouldBe(1, expected);
        }
    }

    [Fact]
    public async Task Given_a_line_cancel_racing_the_dispatch_of_its_units_When_both_are_sent_at_once_Then_exactly_one_wins_and_the_money_and_stock_agree()
    {
        var orders = new List<(Guid OrderId, string RemainderId)>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add(await ConfirmedOrderAsync(("LC-SHIRT", 1, 10.00m), ("LC-MUG", 1, 5.50m)));
        }

        var races = await Task.WhenAll(orders.Select(async o =>
        {
            var answers = await Task.WhenAll(CancelLinesAsync(_operator, o.OrderId, ("LC-MUG", 1)), _operator.DispatchAsync(o.RemainderId, "RACE"));
            return (Cancel: answers[0].StatusCode, Dispatch: answers[1].StatusCode);
        }));

        races.ShouldAllBe(r => r.Dispatch == HttpStatusCode.Accepted && (r.Cancel == HttpStatusCode.Accepted || r.Cancel == HttpStatusCode.Conflict));
        var mugsShipped = 0;
        foreach (var (orderId, _) in orders)
        {
            var order = await _storefront.WaitForOrderAsync(orderId, o => o.Status() == "Shipped" && o.Text("paymentStatus") == "Captured"
                && CancellationStatus(o) is null or "Cancelled" or "Refused", "to ship, capture and decide the line cancellation");
            var mugCancelled = CancellationStatus(order) == "Cancelled";
            var mugInParcel = order["shipments"]!.AsArray().SelectMany(s => s!["lines"]!.AsArray()).Any(l => l!.Text("sku") == "LC-MUG");
            mugInParcel.ShouldBe(!mugCancelled, "a unit is cancelled or shipped, never both");
            var payment = await _operator.AssertPaymentAsync(order, "Captured");
            payment["capturedAmount"]!.GetValue<decimal>().ShouldBe(mugCancelled ? 10.00m : 15.50m);
            payment["amount"]!.GetValue<decimal>().ShouldBe(mugCancelled ? 10.00m : 15.50m);
            order["total"]!.GetValue<decimal>().ShouldBe(mugCancelled ? 10.00m : 15.50m);
            mugsShipped += mugCancelled ? 0 : 1;
        }

        await _operator.WaitForStockAsync("LC-MUG", onHand: 10 - mugsShipped, reserved: 0);
        await _operator.WaitForStockAsync("LC-SHIRT", onHand: 6, reserved: 0);
    }

    [Fact]
    public async Task Given_units_carved_into_a_shipment_of_their_own_When_they_are_cancelled_Then_409_naming_the_line_and_nothing_changes()
    {
        var (orderId, _) = await ConfirmedOrderAsync(("LC-SHIRT", 2, 10.00m), ("LC-MUG", 1, 5.50m));
        var carved = await _operator.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments", new { lines = new[] { new { sku = "LC-MUG", quantity = 1 } } });
        carved.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await _storefront.WaitForOrderAsync(orderId, o => o["shipments"]!.AsArray().Count == 1, "to list the carved shipment");

        var refused = await CancelLinesAsync(_storefront, orderId, ("LC-MUG", 1));

        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await refused.ReadJsonAsync()).Text("detail")!.ShouldContain("lines[0] (LC-MUG)");
        await AssertUnchangedAsync(orderId, before);
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_the_request_is_malformed_or_asks_for_what_is_not_there_Then_4xx_problem_and_nothing_changes()
    {
        var (orderId, _) = await ConfirmedOrderAsync(("LC-SHIRT", 2, 10.00m), ("LC-MUG", 1, 5.50m));
        var before = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        var path = $"/api/v1/orders/{orderId}/lines/cancel";

        await (await _storefront.PostAsync(path, new StringContent("{\"lines\":[", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _storefront.PostAsync(path, new StringContent("", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _storefront.PostAsJsonAsync(path, new { reason = "r" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _storefront.PostAsJsonAsync(path, new { lines = new[] { new { sku = "LC-MUG", quantity = 1 } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await CancelLinesAsync(_storefront, orderId, ("LC-MUG", 0))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await CancelLinesAsync(_storefront, orderId, ("LC-SHIRT", 1), ("LC-SHIRT", 1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await CancelLinesAsync(_storefront, orderId, ("LC-SHIRT", 3))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await CancelLinesAsync(_storefront, orderId, ("LC-UNKNOWN", 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await CancelLinesAsync(_storefront, Guid.NewGuid(), ("LC-MUG", 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var whole = await CancelLinesAsync(_storefront, orderId, ("LC-SHIRT", 2), ("LC-MUG", 1));
        await whole.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await whole.ReadJsonAsync()).Text("detail")!.ShouldContain($"/api/v1/orders/{orderId}/cancel");

        await AssertUnchangedAsync(orderId, before);
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_lines_are_cancelled_Then_409_and_nothing_changes()
    {
        var (orderId, _) = await ConfirmedOrderAsync(("LC-SHIRT", 2, 10.00m));
        (await _storefront.CancelAsync(orderId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var before = await _storefront.WaitForStatusAsync(orderId, "Cancelled");

        await (await CancelLinesAsync(_storefront, orderId, ("LC-SHIRT", 1))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await AssertUnchangedAsync(orderId, before);
    }

    [Fact]
    public async Task Given_a_line_cancel_with_an_Idempotency_Key_When_it_is_repeated_Then_the_first_answer_is_replayed_and_one_cancellation_is_made()
    {
        var (orderId, _) = await ConfirmedOrderAsync(("LC-SHIRT", 2, 10.00m), ("LC-MUG", 1, 5.50m));
        var key = Guid.NewGuid().ToString();

        var first = await _storefront.SendAsync(CancelLinesRequest(orderId, key, ("LC-SHIRT", 1)));
        var repeat = await _storefront.SendAsync(CancelLinesRequest(orderId, key, ("LC-SHIRT", 1)));

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        repeat.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        repeat.IsReplay().ShouldBeTrue();
        (await repeat.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        var order = await _storefront.WaitForOrderAsync(orderId, o => CancellationStatus(o) == "Cancelled", "the line cancellation to be decided");
        order["lineCancellations"]!.AsArray().Count.ShouldBe(1);
        await _operator.WaitForStockAsync("LC-SHIRT", onHand: 10, reserved: 1);
    }

    private async Task AssertUnchangedAsync(Guid orderId, JsonObject before)
    {
        var after = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        after["version"]!.GetValue<int>().ShouldBe(before["version"]!.GetValue<int>());
        after["lineCancellations"]!.AsArray().ShouldBeEmpty();
        after["total"]!.GetValue<decimal>().ShouldBe(before["total"]!.GetValue<decimal>());
    }

    private async Task<(Guid OrderId, string RemainderId)> ConfirmedOrderAsync(params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", lines));
        var confirmed = await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        return (orderId, confirmed.Text("shipmentId")!);
    }

    private static Task<HttpResponseMessage> CancelLinesAsync(HttpClient client, Guid orderId, params (string Sku, int Quantity)[] lines) =>
        client.SendAsync(CancelLinesRequest(orderId, null, lines));

    private static HttpRequestMessage CancelLinesRequest(Guid orderId, string? idempotencyKey, params (string Sku, int Quantity)[] lines)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/lines/cancel")
        {
            Content = JsonContent.Create(new { lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }), reason = "the customer changed their mind" }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private static string? CancellationStatus(JsonObject order) => order["lineCancellations"]!.AsArray().SingleOrDefault()?.Text("status");

    private static List<(string?, int, int, decimal)> Lines(JsonObject order) =>
        [.. order["lines"]!.AsArray().Select(l => (l!.Text("sku"), l!["quantity"]!.GetValue<int>(), l!["cancelledQuantity"]!.GetValue<int>(),
            l!["lineTotal"]!.GetValue<decimal>()))];
}
