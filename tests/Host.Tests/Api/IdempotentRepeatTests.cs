using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

// Once a keyed request's outcome is stored, every repeat replays it, however many arrive at once:
// 409 idempotency-key-in-use is only for a repeat while the first is still running.
[Collection(ApiCollection.Name)]
public sealed class IdempotentRepeatTests(ApiFactory api) : IAsyncLifetime
{
    private const int Rounds = 3;
    private const int Parallel = 12;

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_finished_keyed_order_When_many_identical_repeats_arrive_at_once_Then_every_one_replays_the_202()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var body = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
            var key = $"finished-place-{round}";
            using var first = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body, key));
            first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var original = await first.JsonAsync();

            var repeats = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body, key))));

            await AllReplayAsync(repeats, HttpStatusCode.Accepted, original, $"round {round}");
        }

        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(Rounds);
    }

    [Fact]
    public async Task Given_a_finished_keyed_cancel_When_many_identical_repeats_arrive_at_once_Then_every_one_replays_it()
    {
        var orderId = await _storefront.PlaceConfirmedOrderAsync(_operator);
        using var first = await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "changed my mind", "finished-cancel"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var original = await first.JsonAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var repeats = await Task.WhenAll(Enumerable.Range(0, Parallel)
                .Select(_ => _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "changed my mind", "finished-cancel"))));

            await AllReplayAsync(repeats, HttpStatusCode.Accepted, original, $"round {round}");
        }
    }

    private static async Task AllReplayAsync(HttpResponseMessage[] repeats, HttpStatusCode status, JsonObject original, string what)
    {
        var statuses = string.Join(", ", repeats.Select(r => (int)r.StatusCode));
        foreach (var repeat in repeats)
        {
            repeat.StatusCode.ShouldBe(status, $"{what}: statuses {statuses}");
            repeat.IsReplay().ShouldBeTrue();
            JsonNode.DeepEquals(await repeat.JsonAsync(), original).ShouldBeTrue($"{what}: a replay differs from the original");
            repeat.Dispose();
        }
    }
}
