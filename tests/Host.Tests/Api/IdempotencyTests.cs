using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_order_placed_with_a_key_When_the_same_request_is_repeated_after_the_order_changed_Then_the_original_202_body_and_Location_are_replayed_and_nothing_is_created()
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
        using var first = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body, "replay-1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        first.IsReplay().ShouldBeFalse();
        var original = await first.JsonAsync();
        var orderId = original["orderId"]!.GetValue<Guid>();
        await _storefront.WaitForStatusAsync(orderId, "Rejected");

        using var repeat = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body, "replay-1"));

        repeat.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        repeat.IsReplay().ShouldBeTrue();
        repeat.Headers.Location!.ToString().ShouldBe(first.Headers.Location!.ToString());
        repeat.Headers.Location.ToString().ShouldBe($"/api/v1/orders/{orderId}");
        JsonNode.DeepEquals(await repeat.JsonAsync(), original).ShouldBeTrue("the replay is the body as it was then (Pending), not the order now");
        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(1);
        (await Tables.CountAsync(api.ConnectionString, "ordering.idempotency_keys")).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_used_key_When_it_comes_with_a_different_body_Then_422_and_nothing_is_written()
    {
        using var first = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(OrderRequests.PlaceOrderBody(), "reused-1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var other = OrderRequests.PlaceOrderBody("tok_mastercard");

        using var reused = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(other, "reused-1"));

        (await reused.ShouldBeProblemAsync(422))["type"]!.GetValue<string>().ShouldEndWith("/idempotency-key-reused");
        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(1);
        (await Tables.CountAsync(api.ConnectionString, "ordering.idempotency_keys")).ShouldBe(1);
    }

    [Fact]
    public async Task Given_concurrent_requests_with_one_key_When_sent_together_Then_exactly_one_order_is_created_and_the_others_get_409_or_the_replay()
    {
        const int rounds = 5;
        const int parallel = 6;
        for (var round = 0; round < rounds; round++)
        {
            var body = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
            var key = $"concurrent-{round}";

            var responses = await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body, key))));

            var fresh = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted && !r.IsReplay()).ToList();
            fresh.Count.ShouldBe(1, $"round {round}: statuses {string.Join(", ", responses.Select(r => (int)r.StatusCode))}");
            var orderId = (await fresh[0].JsonAsync())["orderId"]!.GetValue<Guid>();
            foreach (var other in responses.Except(fresh))
            {
                if (other.StatusCode == HttpStatusCode.Conflict)
                {
                    (await other.ShouldBeProblemAsync(409))["type"]!.GetValue<string>().ShouldEndWith("/idempotency-key-in-use");
                }
                else
                {
                    other.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                    other.IsReplay().ShouldBeTrue();
                    (await other.JsonAsync())["orderId"]!.GetValue<Guid>().ShouldBe(orderId);
                }
            }
        }

        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(rounds);
        (await Tables.CountAsync(api.ConnectionString, "ordering.idempotency_keys")).ShouldBe(rounds);
    }

    [Fact]
    public async Task Given_a_cancel_sent_with_a_key_When_repeated_Then_the_original_response_is_replayed_and_a_changed_request_is_422()
    {
        var orderId = await _storefront.PlaceConfirmedOrderAsync(_operator);
        using var first = await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "changed my mind", "cancel-1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var original = await first.JsonAsync();
        await _storefront.WaitForStatusAsync(orderId, "Cancelled");

        using var repeat = await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "changed my mind", "cancel-1"));
        using var withoutKey = await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "changed my mind"));
        using var otherReason = await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "too slow", "cancel-1"));

        repeat.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        repeat.IsReplay().ShouldBeTrue();
        JsonNode.DeepEquals(await repeat.JsonAsync(), original).ShouldBeTrue();
        withoutKey.StatusCode.ShouldBe(HttpStatusCode.OK, "an already cancelled order answers 200");
        withoutKey.IsReplay().ShouldBeFalse();
        (await withoutKey.JsonAsync()).Status().ShouldBe("Cancelled");
        await otherReason.ShouldBeProblemAsync(422);
    }

    [Fact]
    public async Task Given_one_idempotency_key_used_by_two_api_keys_When_each_cancels_its_own_order_Then_both_are_executed()
    {
        var first = await _storefront.PlaceConfirmedOrderAsync(_operator);
        var second = await _storefront.PlaceConfirmedOrderAsync(_operator);

        using var byStorefront = await _storefront.SendAsync(ApiCalls.CancelRequest(first, null, "shared-key"));
        using var byOperator = await _operator.SendAsync(ApiCalls.CancelRequest(second, "customer phoned", "shared-key"));

        byStorefront.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        byOperator.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        byOperator.IsReplay().ShouldBeFalse();
        await _storefront.WaitForStatusAsync(first, "Cancelled");
        await _storefront.WaitForStatusAsync(second, "Cancelled");
        (await Tables.CountAsync(api.ConnectionString, "ordering.idempotency_keys", "idempotency_key = 'shared-key'")).ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_request_that_failed_with_a_key_When_the_corrected_request_reuses_the_key_Then_it_is_executed()
    {
        var invalid = OrderRequests.PlaceOrderBody();
        invalid["currency"] = "EURO";
        using var failed = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(invalid, "fix-and-retry"));
        await failed.ShouldBeProblemAsync(400, "currency");
        (await Tables.CountAsync(api.ConnectionString, "ordering.idempotency_keys")).ShouldBe(0);

        using var corrected = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(OrderRequests.PlaceOrderBody(), "fix-and-retry"));

        corrected.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        corrected.IsReplay().ShouldBeFalse();
    }

    [Fact]
    public async Task Given_a_rejected_order_When_cancelled_with_a_key_Then_409_and_neither_the_order_nor_the_keys_change()
    {
        var orderId = await _storefront.PlaceRejectedOrderAsync("cust-rejected");
        var before = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");

        using var cancel = await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "too late", "cancel-rejected"));

        await cancel.ShouldBeProblemAsync(409);
        JsonNode.DeepEquals(await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}"), before).ShouldBeTrue();
        (await Tables.CountAsync(api.ConnectionString, "ordering.idempotency_keys")).ShouldBe(0);
    }

    [Fact]
    public async Task Given_keys_of_255_and_256_characters_When_placing_Then_255_is_accepted_and_256_is_a_400()
    {
        using var longest = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(OrderRequests.PlaceOrderBody(), new string('k', 255)));
        using var tooLong = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(OrderRequests.PlaceOrderBody(), new string('k', 256)));

        longest.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await tooLong.ShouldBeProblemAsync(400))["type"]!.GetValue<string>().ShouldEndWith("/invalid-idempotency-key");
        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_configured_key_lifetime_When_the_key_expires_Then_the_same_request_creates_a_new_order()
    {
        await using var shortLived = api.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Idempotency:KeyLifetime"] = "00:00:01" })));
        var client = shortLived.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.StorefrontKey);
        var body = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
        using var first = await client.SendAsync(ApiCalls.PlaceOrderRequest(body, "expiring"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Tables.ScalarAsync<TimeSpan>(api.ConnectionString, "SELECT expires_at - created_at FROM ordering.idempotency_keys"))
            .ShouldBe(TimeSpan.FromSeconds(1));

        // Repeats are replays until the key expires; then the same request is new again.
        var afterExpiry = await TestKit.Poller.UntilAsync(
            () => client.SendAsync(ApiCalls.PlaceOrderRequest(body, "expiring")),
            response => !response.IsReplay(),
            "the idempotency key to expire");

        afterExpiry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await afterExpiry.JsonAsync())["orderId"]!.GetValue<Guid>().ShouldNotBe((await first.JsonAsync())["orderId"]!.GetValue<Guid>());
        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(2);
    }
}
