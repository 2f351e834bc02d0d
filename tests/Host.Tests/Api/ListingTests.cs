using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ListingTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_orders_of_two_customers_in_two_states_When_filtering_Then_only_matching_orders_come_newest_first()
    {
        var rejected = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            rejected.Add(await _storefront.PlaceRejectedOrderAsync("cust-a"));
        }

        var confirmed = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            confirmed.Add(await _storefront.PlaceConfirmedOrderAsync(_operator));
        }

        var all = await Ids("/api/v1/orders");
        var customerA = await Ids("/api/v1/orders?customerId=cust-a");
        var rejectedOnly = await Ids("/api/v1/orders?status=Rejected");
        var confirmedOfB = await Ids("/api/v1/orders?status=Confirmed&customerId=cust-42");
        var none = await Ids("/api/v1/orders?status=Shipped");

        all.ShouldBe([.. Enumerable.Reverse(rejected.Concat(confirmed))]);
        customerA.ShouldBe([.. Enumerable.Reverse(rejected)]);
        rejectedOnly.ShouldBe([.. Enumerable.Reverse(rejected)]);
        confirmedOfB.ShouldBe([.. Enumerable.Reverse(confirmed)]);
        none.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_21_orders_When_listing_with_and_without_limit_Then_default_20_and_1_to_100_are_accepted_and_0_or_101_refused()
    {
        for (var i = 0; i < 21; i++)
        {
            await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody());
        }

        var byDefault = await _storefront.GetJsonAsync("/api/v1/orders");
        var one = await _storefront.GetJsonAsync("/api/v1/orders?limit=1");
        var hundred = await _storefront.GetJsonAsync("/api/v1/orders?limit=100");
        using var zero = await _storefront.GetAsync("/api/v1/orders?limit=0");
        using var hundredAndOne = await _storefront.GetAsync("/api/v1/orders?limit=101");

        byDefault["items"]!.AsArray().Count.ShouldBe(20);
        byDefault["nextCursor"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        one["items"]!.AsArray().Count.ShouldBe(1);
        hundred["items"]!.AsArray().Count.ShouldBe(21);
        hundred.ContainsKey("nextCursor").ShouldBeTrue();
        hundred["nextCursor"].ShouldBeNull();
        await zero.ShouldBeProblemAsync(400, "limit");
        await hundredAndOne.ShouldBeProblemAsync(400, "limit");
    }

    [Fact]
    public async Task Given_orders_inserted_between_pages_When_following_nextCursor_Then_every_earlier_order_is_visited_exactly_once_newest_first()
    {
        var original = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            original.Add(await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody()));
        }

        var visited = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _storefront.GetJsonAsync("/api/v1/orders?limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            visited.AddRange(page["items"]!.AsArray().Select(o => o!["orderId"]!.GetValue<Guid>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
            await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody());
            await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody());
        }
        while (cursor is not null && pages < 10);

        visited.ShouldBe([.. Enumerable.Reverse(original)]);
        pages.ShouldBe(3);
    }

    [Fact]
    public async Task Given_cursors_this_endpoint_did_not_issue_When_listing_Then_400_with_the_cursor_named()
    {
        for (var i = 0; i < 3; i++)
        {
            await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody());
        }

        var orderCursor = (await _storefront.GetJsonAsync("/api/v1/orders?limit=1"))["nextCursor"]!.GetValue<string>();
        var sagaCursor = (await _operator.GetJsonAsync("/api/v1/ops/sagas?limit=1"))["nextCursor"]!.GetValue<string>();
        var tampered = (orderCursor[0] == 'A' ? 'B' : 'A') + orderCursor[1..];
        var forged = Convert.ToBase64String("999999999999aaaaaaaaaaaa"u8.ToArray()).TrimEnd('=');

        foreach (var cursor in (string[])[sagaCursor, tampered, forged, "not-a-cursor"])
        {
            using var response = await _storefront.GetAsync("/api/v1/orders?cursor=" + Uri.EscapeDataString(cursor));
            await response.ShouldBeProblemAsync(400, "cursor");
        }

        using var orderCursorOnSagas = await _operator.GetAsync("/api/v1/ops/sagas?cursor=" + Uri.EscapeDataString(orderCursor));
        await orderCursorOnSagas.ShouldBeProblemAsync(400, "cursor");
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("PENDING")]
    [InlineData("Canceled")]
    [InlineData("Unknown")]
    public async Task Given_a_status_not_spelled_as_in_the_contract_When_listing_Then_400_with_status_named(string status)
    {
        using var response = await _storefront.GetAsync("/api/v1/orders?status=" + status);

        await response.ShouldBeProblemAsync(400, "status");
    }

    private async Task<List<Guid>> Ids(string path) =>
        (await _storefront.GetJsonAsync(path))["items"]!.AsArray().Select(o => o!["orderId"]!.GetValue<Guid>()).ToList();
}
