using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Webhooks;

// Subscriptions belong to the API key that made them; bad input is a 4xx problem and changes nothing.
[Collection(WebhookCollection.Name)]
public sealed class WebhookSubscriptionTests(WebhookApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _other = api.ClientWithKey(WebhookApiFactory.OtherStorefrontKey);
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_subscription_of_one_storefront_key_When_another_storefront_key_asks_Then_it_neither_sees_nor_changes_it()
    {
        var (id, _) = await _storefront.SubscribeAsync("http://127.0.0.1:9/hooks", "order.placed");

        (await _other.GetAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _other.GetAsync($"/api/v1/webhooks/{id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _other.PostAsync($"/api/v1/webhooks/{id}/replay", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _other.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _other.GetJsonAsync("/api/v1/webhooks"))["items"]!.AsArray().Count.ShouldBe(0);

        var own = await _storefront.GetJsonAsync($"/api/v1/webhooks/{id}");
        own.Text("owner").ShouldBe("dev-storefront");
        own["secret"].ShouldBeNull("the secret is shown only when the subscription is created");
        own["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["order.placed"]);
        (await _operator.GetJsonAsync("/api/v1/webhooks"))["items"]!.AsArray().Count.ShouldBe(1, "an operator lists every subscription");

        (await _storefront.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _storefront.GetAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_no_event_types_When_subscribing_Then_every_event_type_is_subscribed_and_a_given_secret_is_kept()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var response = await _storefront.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", secret });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        body.Text("secret").ShouldBe(secret);
        body["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>())
            .ShouldBe(["order.placed", "order.confirmed", "order.rejected", "order.cancelled", "order.partially_shipped", "order.shipped", "order.delivered",
                "return.requested", "return.received", "return.rejected", "refunded", "order.hold", "order.lines_cancelled",
                "order.lines_cancellation_refused"], ignoreOrder: true);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/webhooks/{body.Text("id")}");
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.com/hooks"}""", "url")]
    [InlineData("""{"url":"hooks"}""", "url")]
    [InlineData("""{}""", "url")]
    [InlineData("""{"url":"https://user:pw@example.com/hooks"}""", "url")]
    [InlineData("""{"url":"http://127.0.0.1:9/hooks","eventTypes":["order.exploded"]}""", "eventTypes[0]")]
    [InlineData("""{"url":"http://127.0.0.1:9/hooks","secret":"not-a-secret"}""", "secret")]
    [InlineData("""{"url":"http://127.0.0.1:9/hooks","secret":"whsec_c2hvcnQ="}""", "secret")]
    public async Task Given_a_bad_subscription_When_posted_Then_400_names_the_field_and_nothing_is_created(string json, string field)
    {
        var response = await _storefront.PostAsync("/api/v1/webhooks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue(problem.ToJsonString());
        (await _storefront.GetJsonAsync("/api/v1/webhooks"))["items"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_url_longer_than_2048_characters_When_posted_Then_400()
    {
        var response = await _storefront.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/" + new string('a', 2048) });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_a_key_at_its_subscription_limit_When_it_subscribes_again_Then_422_and_nothing_more_is_created()
    {
        for (var i = 0; i < 3; i++)
        {
            await _storefront.SubscribeAsync($"http://127.0.0.1:9/hooks/{i}");
        }

        var response = await _storefront.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks/3" });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await _storefront.GetJsonAsync("/api/v1/webhooks"))["items"]!.AsArray().Count.ShouldBe(3);
        await _other.SubscribeAsync("http://127.0.0.1:9/hooks/other");
    }

    [Fact]
    public async Task Given_a_bad_deliveries_query_When_asked_Then_400()
    {
        var (id, _) = await _storefront.SubscribeAsync("http://127.0.0.1:9/hooks");

        await (await _storefront.GetAsync($"/api/v1/webhooks/{id}/deliveries?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _storefront.GetAsync($"/api/v1/webhooks/{id}/deliveries?status=Lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _storefront.GetAsync($"/api/v1/webhooks/{id}/deliveries?cursor=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
