using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Fulfilment;

[Collection(ApiCollection.Name)]
public sealed class OversellTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "LIMITED-EDITION";
    private const int Orders = 60;
    private const int StartingStock = 25;
    private static readonly int[] Restocks = [26, 28, 30];

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, StartingStock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_scarce_stock_When_many_orders_restocks_and_cancels_run_at_once_Then_no_unit_is_sold_twice()
    {
        using var stop = new CancellationTokenSource();
        var readings = new ConcurrentQueue<(int OnHand, int Reserved, int Available)>();
        var watcher = WatchStockAsync(readings, stop.Token);

        var customerId = $"oversell-{Guid.NewGuid():N}";
        var placing = Enumerable.Range(0, Orders)
            .Select(_ =>
            {
                var body = OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 49m));
                body["customerId"] = customerId;
                return _storefront.PlaceOrderAsync(body);
            })
            .ToList();
        var restocking = RestockAsync();
        var cancelling = placing.Take(5).Select(async placed =>
        {
            var orderId = await placed;
            return (OrderId: orderId, Status: (await _storefront.CancelAsync(orderId)).StatusCode);
        }).ToList();
        await Task.WhenAll(placing);
        var cancels = await Task.WhenAll(cancelling);
        await restocking;
        var outcomes = await WaitForEveryOutcomeAsync(customerId);
        await stop.CancelAsync();
        await watcher;

        readings.ShouldNotBeEmpty();
        readings.ShouldAllBe(r => r.Reserved >= 0 && r.Reserved <= r.OnHand && r.Available == r.OnHand - r.Reserved);
        foreach (var (orderId, status) in cancels)
        {
            var order = outcomes.Single(o => o["orderId"]!.GetValue<Guid>() == orderId);
            status.ShouldBe(order.Status() == "Rejected" ? HttpStatusCode.Conflict : HttpStatusCode.Accepted, $"cancel of order {orderId}");
            if (status == HttpStatusCode.Accepted)
            {
                order.Status().ShouldBe("Cancelled");
            }
        }

        var confirmed = outcomes.Count(o => o.Status() == "Confirmed");
        var rejected = outcomes.Where(o => o.Status() == "Rejected").ToList();
        (confirmed + rejected.Count + outcomes.Count(o => o.Status() == "Cancelled")).ShouldBe(Orders);
        confirmed.ShouldBeGreaterThan(0);
        rejected.ShouldNotBeEmpty();
        rejected.ShouldAllBe(o => o.Text("rejectionReason") == "OutOfStock" && o.Text("paymentStatus") == null);
        var stock = await _storefront.GetStockAsync(Sku);
        stock["onHand"]!.GetValue<int>().ShouldBe(Restocks[^1]);
        stock["reserved"]!.GetValue<int>().ShouldBe(confirmed);
        stock["available"]!.GetValue<int>().ShouldBe(Restocks[^1] - confirmed);
    }

    [Fact]
    public async Task Given_units_reserved_by_open_orders_When_on_hand_is_set_below_them_Then_409_and_the_stock_is_unchanged()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 5, 49m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");

        var response = await _operator.PutAsJsonAsync($"/api/v1/inventory/{Sku}", new { onHand = 4 });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await _storefront.AssertStockAsync(Sku, onHand: StartingStock, reserved: 5);
        (await _operator.PutAsJsonAsync($"/api/v1/inventory/{Sku}", new { onHand = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _storefront.AssertStockAsync(Sku, onHand: 5, reserved: 5);
    }

    private async Task RestockAsync()
    {
        foreach (var onHand in Restocks)
        {
            var response = await _operator.PutAsJsonAsync($"/api/v1/inventory/{Sku}", new { onHand });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    // One list request per poll rather than one poller per order: this test is heavy enough on a small machine.
    private async Task<List<JsonObject>> WaitForEveryOutcomeAsync(string customerId)
    {
        var page = await Poller.UntilAsync(
            () => _storefront.GetJsonAsync($"/api/v1/orders?customerId={customerId}&limit=100"),
            p => p["items"]!.AsArray().Count == Orders && p["items"]!.AsArray().All(o => o!.AsObject().Status() != "Pending"),
            $"all {Orders} orders to leave Pending",
            TimeSpan.FromSeconds(90));
        return page["items"]!.AsArray().Select(o => o!.AsObject()).ToList();
    }

    private async Task WatchStockAsync(ConcurrentQueue<(int, int, int)> readings, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var stock = await _storefront.GetStockAsync(Sku);
            readings.Enqueue((stock["onHand"]!.GetValue<int>(), stock["reserved"]!.GetValue<int>(), stock["available"]!.GetValue<int>()));
            await Task.Delay(50, CancellationToken.None); // a sampling rate, not a wait for an effect
        }
    }
}
