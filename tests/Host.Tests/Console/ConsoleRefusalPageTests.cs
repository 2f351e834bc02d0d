using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (defects 5-7): whatever the console cannot take is answered by the console's own HTML refusal page, 400,
// saying what was wrong and linking back; never the API's problem+json, the antiforgery page, or a silent redirect.
[Collection(ApiCollection.Name)]
public sealed class ConsoleRefusalPageTests(ApiFactory api) : IAsyncLifetime
{
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync() => await _console.SignInAsync(ApiFactory.OperatorKey);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/ops/orders?customerId=%00", "/ops/orders", "'Customer id' must not contain control characters")]
    [InlineData("/ops/orders?sku=a%0A", "/ops/orders", "'SKU' must not contain control characters")]
    [InlineData("/ops/stalls?cursor=%00", "/ops/stalls", "cursor must not contain control characters")]
    [InlineData("/ops/audit?orderId=%07", "/ops/audit", "'Order id' must not contain control characters")]
    [InlineData("/ops/stalls?cursor=junk", "/ops/stalls", "The cursor 'junk' is not valid")]
    [InlineData("/ops/orders?cursor=junk", "/ops/orders", "The cursor 'junk' is not valid")]
    [InlineData("/ops/audit?before=0", "/ops/audit", "The position 'before=0' is not valid")]
    [InlineData("/ops/audit?before=yesterday", "/ops/audit", "'yesterday' is not a valid value for before.")]
    [InlineData("/ops/orders?held=maybe", "/ops/orders", "'maybe' is not a valid value for 'Held for review'.")]
    public async Task Given_an_address_the_console_cannot_take_When_opened_Then_its_html_refusal_page_says_what_is_wrong_and_links_back(
        string path, string back, string said)
    {
        var response = await _console.Http.GetAsync(path);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldContain("id=\"refusal\"");
        page.ShouldContain(said);
        page.ShouldNotContain("'errors'", Case.Sensitive, "the API's wording is not the console's");
        page.ShouldContain($"href=\"{back}\"");
    }

    // Issue 11 (newcomer review, defect G): the 404 page said "use the navigation above" and showed none.
    [Fact]
    public async Task Given_an_address_that_names_no_page_When_opened_signed_in_or_not_Then_the_page_has_the_way_back_it_names()
    {
        var anonymous = ConsoleClient.For(api);

        var signedIn = await _console.Http.GetAsync("/ops/nope");
        var signedOut = await anonymous.Http.GetAsync("/ops/nope");

        signedIn.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = WebUtility.HtmlDecode(await signedIn.Content.ReadAsStringAsync());
        page.ShouldContain("Use the navigation above");
        page.ShouldContain("<nav aria-label=\"Console\">");
        foreach (var href in new[] { "/ops/orders", "/ops/stalls", "/ops/dead-letters", "/ops/settings", "/ops/audit" })
        {
            page.ShouldContain($"<a href=\"{href}\">", Case.Sensitive, $"the navigation links {href}");
        }

        page.ShouldContain("<span>dev-operator</span>", Case.Sensitive, "the operator signed in is named, as on every page");
        signedOut.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymousPage = WebUtility.HtmlDecode(await signedOut.Content.ReadAsStringAsync());
        anonymousPage.ShouldNotContain("navigation above");
        anonymousPage.ShouldNotContain("<a href=\"/ops/dead-letters\">");
        anonymousPage.ShouldContain("Start again from the <a href=\"/ops\">overview</a>");
    }

    [Theory]
    [InlineData("/ops/settings", "reason", "settings\u0000", "Reason")]
    [InlineData("/ops/dead-letters?handler=replayGroup", "reason", "fixed\u0000", "Reason")]
    [InlineData("/ops/orders/{order}?handler=preview", "reason", "why\u0000", "Reason")]
    [InlineData("/ops/orders/{order}?handler=apply", "reason", "why\u0000", "Reason")]
    [InlineData("/ops/sign-in", "apiKey", "dev-operator-key\u0000", "Operator API key")]
    public async Task Given_a_NUL_in_a_form_field_When_the_form_is_sent_with_its_token_Then_the_refusal_page_names_the_field_and_nothing_changes(
        string action, string field, string value, string label)
    {
        var orderPath = $"/ops/orders/{Guid.NewGuid()}";
        var auditBefore = await AuditCountAsync();
        var fields = new Dictionary<string, string> { ["kind"] = "Cancel", ["module"] = "Shipping", ["messageType"] = "x", ["errorKind"] = "y", ["reason"] = "because" };
        fields[field] = value;

        var response = await _console.PostFormAsync(action.Replace("/ops/orders/{order}", orderPath, StringComparison.Ordinal), fields,
            tokenFrom: action == "/ops/sign-in" ? "/ops/sign-in" : "/ops/settings");

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldContain($"'{label}' must not contain control characters", Case.Sensitive, page);
        page.ShouldNotContain($"{field} must", Case.Sensitive, "a refusal names the form's label, not the field's name");
        page.ShouldNotContain("antiforgery");
        (await AuditCountAsync()).ShouldBe(auditBefore);
    }

    private async Task<long> AuditCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM operations.audit", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
