using System.Net;
using System.Text.RegularExpressions;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (newcomer review, defect D): a group's replay preview repeated one identical sentence per letter and named
// no order. It lists each letter once with its order (linked), its type and what happens, and sums up the rest once.
[Collection(ApiCollection.Name)]
public sealed class DeadLetterPreviewTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "PREVIEW-SKU";
    private readonly HttpClient _storefront = api.Storefront();
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await api.Operator().SetStockAsync(Sku, 10);
        await _console.SignInAsync(ApiFactory.OperatorKey);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_group_of_two_orders_letters_When_its_replay_is_previewed_Then_each_letter_has_one_line_naming_its_order()
    {
        var first = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        var second = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(first, "Confirmed");
        await _storefront.WaitForStatusAsync(second, "Confirmed");
        var letters = new[] { await DeadLetterAsync(first), await DeadLetterAsync(second) };

        var response = await _console.PostFormAsync("/ops/dead-letters?handler=previewGroup", new Dictionary<string, string>
        {
            ["module"] = "Shipping", ["messageType"] = "PreviewTest", ["errorKind"] = "TestFault", ["sender"] = "Payments", ["reason"] = "fixed it",
        }, "/ops/dead-letters");

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var lines = Regex.Matches(Between(page, "<ul id=\"preview-letters\">"), "<li data-letter=\"([^\"]+)\">(.*?)</li>", RegexOptions.Singleline);
        lines.Select(l => Guid.Parse(l.Groups[1].Value)).ShouldBe(letters, ignoreOrder: true);
        foreach (var (letter, order) in letters.Zip([first, second]))
        {
            var line = lines.Single(l => l.Groups[1].Value == letter.ToString()).Groups[2].Value;
            line.ShouldContain($"<a class=\"mono\" href=\"/ops/orders/{order}\">{order}</a>");
            line.ShouldContain("PreviewTest to Shipping back in line for Shipping with fresh attempts");
        }

        var changes = Regex.Matches(Between(page, "<ul id=\"preview-changes\">"), "<li>(.*?)</li>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        changes[0].ShouldStartWith("Puts 2 dead letters of 2 orders back in line with fresh attempts");
        changes.Count(c => c.Contains("DeadLetterReplayed", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n", changes));
        changes.ShouldContain(c => c.Contains("(in each of the 2 orders' history)", StringComparison.Ordinal));
        changes.Count.ShouldBe(3, string.Join("\n", changes));
    }

    private static string Between(string page, string start)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"the page has {start}");
        return page[from..page.IndexOf("</ul>", from, StringComparison.Ordinal)];
    }

    private Task<Guid> DeadLetterAsync(Guid orderId) =>
        DeadLetterSeeds.PlantAsync(api.ConnectionString, "payments", "Shipping", "PreviewTest", orderId, "TestFault: preview");
}
