using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Observability;

// One order, one trace: from POST /orders through every outbox hop of all four modules, across a restart too.
public sealed class TracingTests : IAsyncLifetime
{
    private readonly SpanRecorder _spans = new();
    private readonly List<TracingApiFactory> _hosts = [];

    [Fact]
    public async Task Given_an_order_When_it_is_confirmed_Then_the_spans_of_all_four_modules_share_its_trace_with_the_right_parents()
    {
        var host = await StartHostAsync(resetDatabase: true);
        await host.Operator().SetStockAsync("TSHIRT-RED-M", 10);
        var traceId = ActivityTraceId.CreateRandom();

        var orderId = await PlaceTracedOrderAsync(host.Storefront(), traceId);
        await host.Storefront().WaitForStatusAsync(orderId, "Confirmed");

        var trace = await WaitForTraceAsync(traceId);
        trace.ShouldBeOneConnectedTrace(Request(trace));
        trace.Processes().Where(s => s.Tag("messaging.destination.name") == "Ordering")
            .SelectMany(s => s.Events)
            .ShouldContain(e => e.Name == "StepStarted" && Equals(e.Tags.FirstOrDefault(t => t.Key == "oms.state.to").Value, "AuthorizePayment"),
                "the saga's step changes should be events on the span that made them");
        await ShouldBeHistoryOfTraceAsync(host, orderId, traceId);
    }

    [Fact]
    public async Task Given_a_host_restart_in_the_middle_of_the_saga_When_the_order_is_confirmed_Then_the_trace_continues_from_the_stored_context()
    {
        var first = await StartHostAsync(resetDatabase: true);
        await first.Operator().SetStockAsync("TSHIRT-RED-M", 10);
        await Dispatchers.Of(first.Services, "Inventory").StopAsync(CancellationToken.None);
        var traceId = ActivityTraceId.CreateRandom();
        var orderId = await PlaceTracedOrderAsync(first.Storefront(), traceId);
        await first.Operator().WaitForStockAsync("TSHIRT-RED-M", onHand: 10, reserved: 2);
        await first.DisposeAsync();
        var beforeRestart = _spans.InTrace(traceId).Select(s => s.SpanId).ToHashSet();

        var second = await StartHostAsync(resetDatabase: false);
        await second.Storefront().WaitForStatusAsync(orderId, "Confirmed");

        var trace = await WaitForTraceAsync(traceId);
        trace.ShouldBeOneConnectedTrace(Request(trace));
        // StockReserved was written before the restart and handled after it, under the span that wrote it.
        trace.Processes().Where(s => s.Tag("oms.message.type") == "inventory.stock-reserved.v1")
            .ShouldContain(s => !beforeRestart.Contains(s.SpanId) && beforeRestart.Contains(s.ParentSpanId));
        await ShouldBeHistoryOfTraceAsync(second, orderId, traceId);
    }

    private async Task<TracingApiFactory> StartHostAsync(bool resetDatabase)
    {
        var host = new TracingApiFactory(_spans);
        _hosts.Add(host);
        await host.StartAsync(resetDatabase);
        return host;
    }

    private static async Task<Guid> PlaceTracedOrderAsync(HttpClient storefront, ActivityTraceId traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(OrderRequests.PlaceOrderBody()) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await storefront.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(202, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["orderId"]!.GetValue<Guid>();
    }

    // The last hop (ShipmentCreated handled by Ordering) ends just after the order turns Confirmed.
    private Task<IReadOnlyList<Activity>> WaitForTraceAsync(ActivityTraceId traceId) =>
        Poller.UntilAsync(
            () => Task.FromResult(_spans.InTrace(traceId)),
            trace => trace.Processes().Any(s => s.Tag("oms.message.type") == "shipping.shipment-created.v1"),
            "the order's trace to reach ShipmentCreated handled by Ordering",
            FulfilmentProbes.Patience);

    private static Activity Request(IReadOnlyList<Activity> trace) =>
        trace.Single(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal));

    private static async Task ShouldBeHistoryOfTraceAsync(ApiFactory host, Guid orderId, ActivityTraceId traceId)
    {
        var history = await host.Storefront().GetJsonAsync($"/api/v1/orders/{orderId}/history");
        var entries = history["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e["traceId"]!.GetValue<string>() == traceId.ToHexString(), "every entry should name the order's trace");
        entries.Select(e => e.Text("module")).Distinct().Count().ShouldBe(4);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
