using System.Net;
using System.Net.Http.Headers;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ETagTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_order_read_once_When_read_again_with_its_ETag_Then_304_without_a_body_and_with_the_same_ETag()
    {
        var orderId = await _storefront.PlaceRejectedOrderAsync("cust-etag");
        using var first = await _storefront.GetAsync($"/api/v1/orders/{orderId}");
        var etag = first.Headers.ETag!;

        using var second = await Get(orderId, etag.ToString());

        etag.IsWeak.ShouldBeFalse();
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        second.Headers.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task Given_an_ETag_taken_before_the_order_changed_When_read_with_it_Then_200_with_a_new_ETag()
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
        using var placed = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body));
        var orderId = (await placed.JsonAsync())["orderId"]!.GetValue<Guid>();
        using var pending = await _storefront.GetAsync($"/api/v1/orders/{orderId}");
        var pendingTag = pending.Headers.ETag!.ToString();
        (await pending.JsonAsync()).Status().ShouldBe("Pending");
        await _storefront.WaitForStatusAsync(orderId, "Rejected");

        using var changed = await Get(orderId, pendingTag);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.JsonAsync()).Status().ShouldBe("Rejected");
        changed.Headers.ETag!.ToString().ShouldNotBe(pendingTag);
    }

    [Fact]
    public async Task Given_If_None_Match_with_a_list_a_weak_tag_or_a_star_When_one_matches_Then_304()
    {
        var orderId = await _storefront.PlaceRejectedOrderAsync("cust-etag");
        using var first = await _storefront.GetAsync($"/api/v1/orders/{orderId}");
        var tag = first.Headers.ETag!.Tag;

        foreach (var ifNoneMatch in (string[])[$"\"stale\", {tag}", $"W/{tag}", "*"])
        {
            using var response = await Get(orderId, ifNoneMatch);
            response.StatusCode.ShouldBe(HttpStatusCode.NotModified, ifNoneMatch);
        }

        using var other = await Get(orderId, "\"stale\"");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> Get(Guid orderId, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{orderId}");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return _storefront.SendAsync(request);
    }
}
