using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Requests a console page cannot answer as asked are refused with words, and change nothing: a form action the page
// does not have (a 500 before: the page was drawn without being loaded), a POST to a page that only shows (an empty
// "Nothing is stalled" before), and an address value that cannot be read (ignored before: the audit "of one order"
// listed every order's actions).
[Collection(ApiCollection.Name)]
public sealed class ConsoleAddressRefusalTests(ApiFactory api) : IAsyncLifetime
{
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync() => await _console.SignInAsync(ApiFactory.OperatorKey);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/ops", 405, "does not take a POST request")]
    [InlineData("/ops/stalls", 405, "does not take a POST request")]
    [InlineData("/ops/audit", 405, "does not take a POST request")]
    [InlineData("/ops/orders", 405, "does not take a POST request")]
    [InlineData("/ops/orders/{order}?handler=explode", 404, "has no action 'explode'")]
    [InlineData("/ops/dead-letters?handler=explode", 404, "has no action 'explode'")]
    public async Task Given_a_form_post_no_handler_of_the_page_answers_When_sent_Then_it_is_refused_with_words_and_not_a_500(
        string path, int status, string said)
    {
        var auditBefore = await AuditCountAsync();

        var response = await _console.PostFormAsync(path.Replace("{order}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
            new Dictionary<string, string> { ["reason"] = "because", ["kind"] = "Cancel" }, tokenFrom: "/ops/settings");

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(said);
        if (status == 405)
        {
            response.Content.Headers.Allow.ShouldBe(new[] { "GET" });
        }

        (await AuditCountAsync()).ShouldBe(auditBefore);
    }

    [Theory]
    [InlineData("/ops/orders?held=maybe", "'maybe' is not a valid value for 'Held for review'.")]
    [InlineData("/ops/audit?orderId=nope", "'nope' is not a valid value for 'Order id'.")]
    [InlineData("/ops/audit?before=yesterday", "'yesterday' is not a valid value for before.")]
    [InlineData("/ops/orders/not-an-order-id", "'not-an-order-id' is not a valid value for 'Order id'.")]
    public async Task Given_an_address_value_the_page_cannot_read_When_opened_Then_400_naming_the_value(string path, string said)
    {
        var response = await _console.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(said);
    }

    // Issue 11 (review, defect 3c): /ops/nope answered the API's problem+json, /ops/dead-letters?from=Nope a 200 listing
    // nothing. Every console page, each with an address value it cannot take: the console's own HTML page, in words.
    [Theory]
    [InlineData("/ops/nope", 404, "There is no page at /ops/nope.")]
    [InlineData("/ops/orders/{order}/nope", 404, "There is no page at /ops/orders/")]
    [InlineData("/ops/dead-letters?from=Nope", 400, "There is no module 'Nope' to narrow the dead letters to: from= takes one of")]
    [InlineData("/ops/orders?status=Lost", 400, "'Status' must be one of")]
    [InlineData("/ops/orders?id=nope", 400, "Order id: 'nope' is not valid.")]
    [InlineData("/ops/orders?from=yesterday", 400, "Placed from: 'yesterday' is not valid.")]
    [InlineData("/ops/orders?to=soon", 400, "Placed before: 'soon' is not valid.")]
    [InlineData("/ops/orders?held=maybe", 400, "'maybe' is not a valid value for 'Held for review'.")]
    [InlineData("/ops/orders?cursor=junk", 400, "The cursor 'junk' is not valid")]
    [InlineData("/ops/orders/not-an-order-id", 400, "'not-an-order-id' is not a valid value for 'Order id'.")]
    [InlineData("/ops/orders/{order}", 404, "No order has the id")]
    [InlineData("/ops/stalls?cursor=junk", 400, "The cursor 'junk' is not valid")]
    [InlineData("/ops/audit?before=0", 400, "The position 'before=0' is not valid")]
    [InlineData("/ops/audit?before=yesterday", 400, "'yesterday' is not a valid value for before.")]
    [InlineData("/ops/audit?orderId=nope", 400, "'nope' is not a valid value for 'Order id'.")]
    public async Task Given_a_console_page_and_an_address_it_cannot_take_When_opened_Then_the_consoles_html_page_says_why(string path, int status, string said)
    {
        var response = await _console.Http.GetAsync(path.Replace("{order}", Guid.NewGuid().ToString(), StringComparison.Ordinal));

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        ((int)response.StatusCode).ShouldBe(status, page);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", page);
        page.ShouldContain(said);
        page.ShouldContain("OMS operations", Case.Sensitive, "in the console's style, with its way back");
    }

    // Issue 11 (newcomer review, defect H): the search's refusal named the API's fields (placedTo, placedFrom), not the
    // labels of the form the operator filled in.
    [Theory]
    [InlineData("/ops/orders?from=2026-12-02T10:00:00&to=2026-12-01T10:00:00", "'Placed before' must be after 'Placed from'.", "placed")]
    [InlineData("/ops/orders?customerId={long}", "'Customer id' must", "customerId")]
    [InlineData("/ops/orders?sku={long}", "'SKU' must", "sku must")]
    [InlineData("/ops/orders?status=Lost", "'Status' must be one of", "status must")]
    public async Task Given_a_search_the_form_cannot_take_When_sent_Then_the_refusal_names_the_forms_labels_not_the_apis_fields(
        string path, string said, string notSaid)
    {
        var response = await _console.Http.GetAsync(path.Replace("{long}", new string('x', 101), StringComparison.Ordinal));

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain(said, Case.Sensitive, page);
        var refusal = page[page.IndexOf("<ul class=\"error\" role=\"alert\">", StringComparison.Ordinal)..];
        refusal[..refusal.IndexOf("</ul>", StringComparison.Ordinal)].ShouldNotContain(notSaid, Case.Sensitive);
    }

    private async Task<long> AuditCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM operations.audit", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
