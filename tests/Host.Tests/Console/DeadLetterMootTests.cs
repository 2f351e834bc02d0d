using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (newcomer review, defect C): after a group replay had delivered the orders, the other sender's letters of the
// same step stayed listed (and counted, and in "Replay all") as if they still needed a decision. A letter whose order is
// past its step is listed apart as moot, saying why, on the dead letters page, the order's page and in the API.
[Collection(ApiCollection.Name)]
public sealed class DeadLetterMootTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "MOOT-SKU";
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, 10);
        await _console.SignInAsync(ApiFactory.OperatorKey);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_payment_letter_of_an_order_already_confirmed_When_the_dead_letters_are_listed_Then_it_is_moot_and_in_no_group()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        var moot = await DeadLetterAsync(orderId, "payments.authorize-payment.v1");
        var open = await DeadLetterAsync(orderId, "MootTestNotice");

        var page = WebUtility.HtmlDecode(await _console.Http.GetStringAsync("/ops/dead-letters"));
        var preview = await _console.PostFormAsync("/ops/dead-letters?handler=previewGroup", new Dictionary<string, string>
        {
            ["module"] = "Payments", ["messageType"] = "payments.authorize-payment.v1", ["errorKind"] = "TestFault", ["sender"] = "Ordering", ["reason"] = "all",
        }, "/ops/dead-letters");
        var orderPage = WebUtility.HtmlDecode(await _console.Http.GetStringAsync($"/ops/orders/{orderId}"));
        var listed = (await _operator.GetJsonAsync("/api/v1/ops/dead-letters?limit=100"))["items"]!.AsArray().Select(l => l!.AsObject()).ToList();

        page.ShouldContain("data-group=\"Payments|MootTestNotice|TestFault\"");
        page.ShouldNotContain("data-group=\"Payments|payments.authorize-payment.v1|TestFault\"", Case.Sensitive, "a moot letter is in no group");
        var mootSection = page[page.IndexOf("id=\"moot\"", StringComparison.Ordinal)..];
        mootSection.ShouldContain($"data-moot=\"{moot}\"");
        mootSection.ShouldContain($"<a class=\"mono\" href=\"/ops/orders/{orderId}\">{orderId}</a>: payments.authorize-payment.v1 from Ordering to Payments");
        mootSection.ShouldContain("Moot: its order is already Confirmed (");
        mootSection.ShouldNotContain(open.ToString());
        preview.StatusCode.ShouldBe(HttpStatusCode.Conflict, "no letter of that group needs a replay");
        orderPage.ShouldContain($"<tr data-moot=\"{moot}\"><td colspan=\"5\">Moot: its order is already Confirmed (");
        orderPage.ShouldNotContain($"id=\"preview-replay-{moot}\"");
        orderPage.ShouldContain($"id=\"preview-replay-{open}\"");
        Letter(listed, moot).Text("mootBecause").ShouldNotBeNull().ShouldStartWith("Moot: its order is already Confirmed (");
        Letter(listed, open)["mootBecause"].ShouldBeNull();
    }

    // Issue 11 (newcomer review, L1): the API replayed a letter the console lists as moot (202, a DeadLetterReplayed entry).
    // The API, the order page's replay and its preview follow one rule: a moot letter is refused, nothing changed.
    [Fact]
    public async Task Given_a_moot_letter_When_it_is_replayed_by_the_API_or_the_console_Then_it_is_refused_409_and_nothing_changes()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        var moot = await DeadLetterAsync(orderId, "payments.authorize-payment.v1");
        var path = $"/ops/orders/{orderId}";
        var form = new Dictionary<string, string> { ["letterId"] = moot.ToString(), ["reason"] = "provider is back" };

        var byApi = await _operator.ReplayDeadLetterAsync(moot.ToString(), "provider is back");
        var preview = await _console.PostFormAsync($"{path}?handler=previewReplay", form, path);
        var byConsole = await _console.PostFormAsync($"{path}?handler=replay", form, path);

        await byApi.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var problem = JsonNode.Parse(await byApi.Content.ReadAsStringAsync())!.AsObject();
        problem.Text("type").ShouldNotBeNull().ShouldEndWith("/dead-letter-moot");
        problem.Text("detail").ShouldNotBeNull().ShouldContain($"Dead letter {moot} was not replayed: its order is already Confirmed (");
        problem.Text("detail").ShouldNotBeNull().ShouldContain("Nothing changed");
        WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()).ShouldContain($"Not possible now: Dead letter {moot} was not replayed: its order is already Confirmed (");
        byConsole.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await byConsole.Content.ReadAsStringAsync()).ShouldContain($"Dead letter {moot} was not replayed: its order is already Confirmed (");
        (await _storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldNotContain("DeadLetterReplayed");
        (await api.AuditAsync(orderId)).ShouldBeEmpty();
        var listed = (await _operator.GetJsonAsync("/api/v1/ops/dead-letters?limit=100"))["items"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Letter(listed, moot).Text("mootBecause").ShouldNotBeNull("the letter is still a dead letter, still moot");
    }

    private static JsonObject Letter(List<JsonObject> listed, Guid id) => listed.Single(l => l.Text("id") == id.ToString());

    private Task<Guid> DeadLetterAsync(Guid orderId, string type) =>
        DeadLetterSeeds.PlantAsync(api.ConnectionString, "ordering", "Payments", type, orderId, "TestFault: moot");
}
