using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// The console's read pages over the real host: what they show is what the database holds.
[Collection(ApiCollection.Name)]
public sealed partial class ConsolePagesTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "CONSOLE-SKU";
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, 50);
        await _console.SignInAsync(ApiFactory.OperatorKey);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_confirmed_and_rejected_orders_When_the_overview_is_opened_Then_its_counts_are_the_databases()
    {
        var confirmed = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        var rejected = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_declined", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(confirmed, "Confirmed");
        await _storefront.WaitForStatusAsync(rejected, "Rejected");

        var page = await _console.Http.GetStringAsync("/ops");

        Figure(page, "orders-Confirmed").ShouldBe((await CountAsync("SELECT count(*) FROM ordering.orders WHERE status = 'Confirmed'")).ToString());
        Figure(page, "orders-Rejected").ShouldBe((await CountAsync("SELECT count(*) FROM ordering.orders WHERE status = 'Rejected'")).ToString());
        Figure(page, "placed-hour").ShouldBe("2");
        Figure(page, "confirmed-day").ShouldBe("1");
        Figure(page, "rejected-day").ShouldBe("1");
        Figure(page, "failure-rate").ShouldBe("50.0 %");
        Figure(page, "confirmed-count").ShouldBe("1");
        Figure(page, "p50").ShouldNotBe("—");
        Figure(page, "dead-Ordering").ShouldBe("0");
        page.ShouldContain("http-equiv=\"refresh\"");
    }

    [Fact]
    public async Task Given_orders_When_searching_by_customer_status_and_sku_Then_only_the_matching_ones_are_listed_and_an_id_opens_the_order()
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa", (Sku, 2, 10m));
        body["customerId"] = "console-customer";
        var mine = await _storefront.PlaceOrderAsync(body);
        var other = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", ("OTHER-SKU", 1, 10m)));
        await _storefront.WaitForStatusAsync(mine, "Confirmed");

        var byCustomer = await _console.Http.GetStringAsync("/ops/orders?customerId=console-customer");
        var bySku = await _console.Http.GetStringAsync($"/ops/orders?sku={Sku}&status=Confirmed");
        var byId = await _console.Http.GetAsync($"/ops/orders?id={mine}");
        var badStatus = await _console.Http.GetAsync("/ops/orders?status=Lost");

        byCustomer.ShouldContain(mine.ToString());
        byCustomer.ShouldNotContain(other.ToString());
        bySku.ShouldContain(mine.ToString());
        bySku.ShouldNotContain(other.ToString());
        byId.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        byId.Headers.Location!.OriginalString.ShouldBe($"/ops/orders/{mine}");
        badStatus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await badStatus.Content.ReadAsStringAsync()).ShouldContain("'Status' must be one of");
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_its_page_is_opened_Then_it_shows_every_part_the_timeline_and_the_path_through_the_states()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");

        var page = await _console.Http.GetStringAsync($"/ops/orders/{orderId}");

        page.ShouldContain("data-part=\"Reservation\"");
        page.ShouldContain("data-part=\"Payment\"");
        page.ShouldContain("data-part=\"Shipment\"");
        page.ShouldContain("OrderConfirmed");
        page.ShouldContain("StockReserved");
        page.ShouldContain("Order: Pending → Confirmed");
        Regex.Count(page, "data-walked=\"true\"").ShouldBeGreaterThanOrEqualTo(2);
        page.ShouldContain("<svg");
        var unknown = await _console.Http.GetAsync($"/ops/orders/{Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("No order has the id");
    }

    // Issue 11 (newcomer review): two senders' dead letters of one type, consumer and error kind are two groups, and the
    // second group's "Replay all" previewed (and would have replayed) the first group's letters.
    [Fact]
    public async Task Given_two_groups_that_differ_only_by_sender_When_the_second_is_previewed_Then_the_preview_holds_only_its_own_letters()
    {
        // Ordering's group is the larger, so it is listed first: the group a match on three keys alone would take.
        var fromOrdering = await DeadLetterSeeds.PlantAsync(api.ConnectionString, "ordering", "Shipping", "SenderGroupTest", null, "TestFault: the group test");
        await DeadLetterSeeds.PlantAsync(api.ConnectionString, "ordering", "Shipping", "SenderGroupTest", null, "TestFault: the group test");
        var fromPayments = await DeadLetterSeeds.PlantAsync(api.ConnectionString, "payments", "Shipping", "SenderGroupTest", null, "TestFault: the group test");

        var response = await _console.PostFormAsync("/ops/dead-letters?handler=previewGroup", new Dictionary<string, string>
        {
            ["module"] = "Shipping", ["messageType"] = "SenderGroupTest", ["errorKind"] = "TestFault", ["sender"] = "Payments", ["reason"] = "test",
        }, "/ops/dead-letters");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain(fromPayments.ToString());
        page.ShouldNotContain(fromOrdering.ToString());
        page.ShouldContain("replay 1 dead letter of SenderGroupTest from Payments to Shipping");
    }

    [Theory]
    [InlineData("apply", "Explode", "because", 400, "is not a valid kind")]
    [InlineData("apply", "Cancel", "", 400, "A reason of 1 to 500 characters is required")]
    [InlineData("preview", "RetryStep", "   ", 400, "A reason of 1 to 500 characters is required")]
    [InlineData("replay", "", "because", 400, "is not a valid letterId")]
    [InlineData("apply", "RetryStep", "because", 409, "nothing to retry")]
    public async Task Given_a_repair_form_with_a_mistake_When_posted_Then_the_page_says_what_is_wrong_and_nothing_changes(
        string handler, string kind, string reason, int status, string said)
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        var path = $"/ops/orders/{orderId}";
        var before = await _storefront.GetStringAsync($"/api/v1/orders/{orderId}");

        var response = await _console.PostFormAsync($"{path}?handler={handler}",
            new Dictionary<string, string> { ["kind"] = kind, ["reason"] = reason, ["letterId"] = "zzz" }, path);

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(said);
        (await _storefront.GetStringAsync($"/api/v1/orders/{orderId}")).ShouldBe(before);
    }

    // Issue 11 (defect 11): repair buttons were offered on finished orders, where they can only be refused; the saga read
    // "Compensated (cancellation requested)"; the overview's rows did not lead to the lists they count; no favicon.
    [Fact]
    public async Task Given_a_rejected_order_When_its_page_is_opened_Then_no_repair_is_offered_and_the_saga_says_plainly_what_happened()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_declined", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(orderId, "Rejected");

        var page = WebUtility.HtmlDecode(await _console.Http.GetStringAsync($"/ops/orders/{orderId}"));

        page.ShouldContain("<p id=\"repairs-closed\">No repair applies: this order is Rejected, so it is finished;");
        page.ShouldContain("id=\"preview-retry\" disabled");
        page.ShouldContain("id=\"preview-cancel\" class=\"danger\" disabled");
        page.ShouldNotContain("?handler=preview");
        Regex.Match(page, "<td id=\"saga-status\">([^<]*)</td>").Groups[1].Value
            .ShouldBe("Compensated: the order was rejected, its payment declined; everything it held was given back");
    }

    [Fact]
    public async Task Given_the_overview_When_opened_Then_its_rows_link_to_the_filtered_lists_and_the_console_has_an_icon()
    {
        var page = await _console.Http.GetStringAsync("/ops");
        var icon = await _console.Http.GetAsync("/favicon.ico");
        var narrowed = await _console.Http.GetStringAsync("/ops/dead-letters?from=Shipping");

        page.ShouldContain("<a href=\"/ops/stalls\" data-figure=\"stalled\">");
        page.ShouldContain("<a href=\"/ops/orders?status=Confirmed\" data-figure=\"orders-Confirmed\">");
        page.ShouldContain("<a href=\"/ops/dead-letters?from=Ordering\" data-figure=\"dead-Ordering\">");
        page.ShouldContain("<link rel=\"icon\" href=\"/favicon.ico\"");
        narrowed.ShouldContain("Only the dead letters sent by Shipping.");
        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
        (await icon.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe(new byte[] { 0, 0, 1, 0 });
    }

    [Fact]
    public async Task Given_a_customer_id_with_markup_and_accents_When_its_order_page_is_opened_Then_accents_read_as_written_and_markup_is_text()
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m));
        body["customerId"] = "Zoë <i>&amp;</i>";
        var orderId = await _storefront.PlaceOrderAsync(body);

        var page = await _console.Http.GetStringAsync($"/ops/orders/{orderId}");

        page.ShouldContain("Zoë &lt;i&gt;&amp;amp;&lt;/i&gt;");
        page.ShouldNotContain("<i>&amp;</i>");
    }

    [Fact]
    public async Task Given_more_than_a_page_of_one_orders_audit_When_it_is_narrowed_to_that_order_Then_the_older_page_stays_narrowed()
    {
        var orderId = Guid.NewGuid();
        await ExecuteAsync($"""
            INSERT INTO operations.audit (occurred_at, operator, action, order_id, reason, detail)
            VALUES (now(), 'dev-operator', 'ChangeSetting', NULL, 'unrelated setting change', 'Stalls:ReserveStock');
            INSERT INTO operations.audit (occurred_at, operator, action, order_id, reason, detail)
            SELECT now(), 'dev-operator', 'RetryStep', '{orderId}', 'try ' || n, 'sent again' FROM generate_series(1, 101) n;
            """);

        var first = await _console.Http.GetStringAsync($"/ops/audit?orderId={orderId}");
        var older = OlderLink().Match(first).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var second = await _console.Http.GetStringAsync(older);

        older.ShouldContain($"orderId={orderId}");
        second.ShouldContain("try 1<");
        second.ShouldNotContain("unrelated setting change");
        first.ShouldContain("id=\"narrowed\"");
    }

    // Issue 11 (review, defect 3b): a last error showed its provider's ISO timestamp, the audit a setting's "00:00:12".
    [Fact]
    public async Task Given_a_last_error_and_an_audit_entry_with_raw_times_When_their_pages_are_opened_Then_times_and_durations_read_the_consoles_way()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        await ExecuteAsync($"""
            UPDATE ordering.fulfilment_sagas SET last_error = 'Sandbox outage until 2026-12-02T02:32:09.1458330+00:00: the provider failed.'
            WHERE order_id = '{orderId}';
            INSERT INTO operations.audit (occurred_at, operator, action, order_id, reason, detail)
            VALUES (now(), 'dev-operator', 'ChangeSetting', NULL, 'slow provider', 'Stalls:ReserveStock: 00:00:30 → 00:04:03');
            """);

        var order = WebUtility.HtmlDecode(await _console.Http.GetStringAsync($"/ops/orders/{orderId}"));
        var audit = WebUtility.HtmlDecode(await _console.Http.GetStringAsync("/ops/audit"));

        Regex.Match(order, "<td id=\"saga-error\">([^<]*)</td>").Groups[1].Value
            .ShouldBe("Sandbox outage until 2026-12-02 02:32:09 UTC: the provider failed.");
        audit.ShouldContain("<td>Stalls:ReserveStock: 30 s → 4 min 3 s</td>");
    }

    private static string Figure(string page, string name)
    {
        var match = Regex.Match(page, $"data-figure=\"{Regex.Escape(name)}\">([^<]*)<");
        match.Success.ShouldBeTrue($"the overview has no figure {name}");
        return match.Groups[1].Value.Trim();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">Older</a>")]
    private static partial Regex OlderLink();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
