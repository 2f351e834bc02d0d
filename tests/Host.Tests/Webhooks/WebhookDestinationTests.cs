using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Webhooks;

// Outside Development a subscription to the host's own network is refused (no SSRF), whatever form the address takes.
public sealed class WebhookDestinationTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    private readonly HttpClient _storefront = api.Storefront();

    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://172.16.0.1/hooks")]
    [InlineData("https://192.168.1.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://2130706433/hooks")]
    public async Task Given_production_When_a_url_resolves_to_a_loopback_private_or_link_local_address_Then_422_and_nothing_is_created(string url)
    {
        var response = await _storefront.PostAsJsonAsync("/api/v1/webhooks", new { url });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadJsonAsync();
        problem.Text("type")!.ShouldEndWith("/webhook-destination-refused");
        problem.Text("title").ShouldBe("The webhook URL is not allowed.", "the title the OpenAPI example documents");
        (await _storefront.GetJsonAsync("/api/v1/webhooks"))["items"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Given_production_When_the_url_is_plain_http_Then_400()
    {
        var response = await _storefront.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://example.com/hooks" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
