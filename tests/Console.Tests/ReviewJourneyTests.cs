using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.TestKit;

namespace OrderManagement.Console.Tests;

// Issue 16 point 4 in a real browser: an order held for review is found in the Held list, shows why on its page, and is
// approved with a reason after a preview; the approval is in its history and the audit.
[Collection(ConsoleCollection.Name)]
public sealed class ReviewJourneyTests(ConsoleHost host, Browser browser) : ConsoleScenario(host, browser)
{
    [Fact]
    public async Task Given_an_order_held_for_review_When_the_operator_finds_it_and_approves_it_with_a_reason_Then_it_is_Confirmed_and_the_approval_audited()
    {
        await ChangeSettingsAsync("true", "hold every order for the console journey");
        try
        {
            var orderId = await PlaceOrderAsync("tok_visa");
            await Poller.UntilAsync(async () => (await Storefront.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{orderId}"))!["hold"] is JsonObject,
                $"order {orderId} to be held for review", TimeSpan.FromSeconds(90));
            var page = await SignedInPageAsync();

            await page.ClickAsync("nav >> text=Held");
            await page.Locator($"a[href='/ops/orders/{orderId}']").First.ClickAsync();
            await page.WaitForURLAsync($"**/ops/orders/{orderId}");
            (await page.Locator("#order-hold").InnerTextAsync()).ShouldContain("Review:TotalThreshold");
            await ScreenshotAsync(page, "11-order-held");
            await page.FillAsync("#reason", "known customer, confirmed by phone");
            await page.ClickAsync("#preview-approve");
            (await page.Locator("#preview-changes").InnerTextAsync()).ShouldContain("HoldApproved");
            (await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldNotContain("HoldApproved");
            await page.ClickAsync("#confirm");
            await page.WaitForURLAsync($"**/ops/orders/{orderId}");

            (await page.Locator("#notice").InnerTextAsync()).ShouldContain("Approved in review");
            await WaitForOrderAsync(orderId, "Confirmed");
            (await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldContain("by dev-operator: known customer, confirmed by phone");
            await page.GotoAsync("/ops/audit");
            (await page.Locator("tr[data-action='ApproveReview']").First.InnerTextAsync()).ShouldContain("known customer, confirmed by phone");
        }
        finally
        {
            await ChangeSettingsAsync("false", "console journey done");
        }
    }

    private async Task ChangeSettingsAsync(string enabled, string reason)
    {
        var response = await Operator.PutAsJsonAsync("/api/v1/ops/settings",
            new { settings = new Dictionary<string, string> { ["Review:Enabled"] = enabled, ["Review:TotalThreshold"] = "0" }, reason });
        response.EnsureSuccessStatusCode();
    }
}
