using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (defect 10): ReturnUrl=/ops/../swagger passed a prefix check and sent the operator out of the console after
// sign-in. Only a local address under /ops after normalisation is followed; anything else goes to /ops.
[Collection(ApiCollection.Name)]
public sealed class ConsoleReturnUrlTests(ApiFactory api)
{
    [Theory]
    [InlineData("/ops/../swagger", "/ops")]
    [InlineData("/ops/%2e%2e/swagger", "/ops")]
    [InlineData("/ops/%2E%2E/%2E%2E/swagger/index.html", "/ops")]
    [InlineData("/ops/..%2fswagger", "/ops")]
    [InlineData("/ops/%252e%252e/swagger", "/ops")]
    [InlineData("/ops\\..\\swagger", "/ops")]
    [InlineData("/ops/..\\..\\swagger", "/ops")]
    [InlineData("/\\evil.example/ops", "/ops")]
    [InlineData("//evil.example/ops", "/ops")]
    [InlineData("https://evil.example/ops", "/ops")]
    [InlineData("/opsx/orders", "/ops")]
    [InlineData("/swagger?x=/ops", "/ops")]
    [InlineData("/ops/orders?status=Pending", "/ops/orders?status=Pending")]
    [InlineData("/ops/./stalls", "/ops/stalls")]
    [InlineData("/ops/orders/../stalls", "/ops/stalls")]
    [InlineData("/ops/settings", "/ops/settings")]
    public async Task Given_a_return_address_When_signing_in_Then_only_a_normalised_console_address_is_followed(string returnUrl, string expected)
    {
        var console = ConsoleClient.For(api);
        var form = new Dictionary<string, string> { ["apiKey"] = ApiFactory.OperatorKey, ["returnUrl"] = returnUrl };

        var response = await console.PostFormAsync("/ops/sign-in", form, tokenFrom: "/ops/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    [Fact]
    public async Task Given_a_return_address_in_the_sign_in_link_When_signing_in_Then_it_is_normalised_the_same_way()
    {
        var console = ConsoleClient.For(api);
        var form = new Dictionary<string, string> { ["apiKey"] = ApiFactory.OperatorKey };

        var response = await console.PostFormAsync("/ops/sign-in?ReturnUrl=%2Fops%2F..%2Fswagger", form, tokenFrom: "/ops/sign-in");

        response.Headers.Location!.OriginalString.ShouldBe("/ops");
    }
}
