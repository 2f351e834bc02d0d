using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderManagement.TestKit;

namespace OrderManagement.Console.Tests;

// An operator's morning in a real browser (Chromium through Playwright) against the real host on Kestrel.
[Collection(ConsoleCollection.Name)]
public sealed class OperatorJourneyTests(ConsoleHost host, Browser browser) : ConsoleScenario(host, browser)
{
    [Fact]
    public async Task Given_the_sign_in_page_When_a_storefront_key_then_the_operator_key_is_used_Then_the_first_is_refused_and_the_overview_shows_the_databases_figures()
    {
        await Host.ResetAsync();
        await InitializeAsync();
        var confirmed = await PlaceOrderAsync("tok_visa");
        var declined = await PlaceOrderAsync("tok_declined");
        await WaitForOrderAsync(confirmed, "Confirmed");
        await WaitForOrderAsync(declined, "Rejected");
        var page = await NewPageAsync();

        await page.GotoAsync("/ops");
        await page.FillAsync("#apiKey", ConsoleHost.StorefrontKey);
        await page.ClickAsync("button[type=submit]");
        (await page.Locator("#refusal").InnerTextAsync()).ShouldContain("accepts only operator keys");
        await ScreenshotAsync(page, "01-sign-in-refused");
        await page.FillAsync("#apiKey", ConsoleHost.OperatorKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/ops");
        await ScreenshotAsync(page, "02-overview");

        (await page.Locator("header nav").InnerTextAsync()).ShouldContain("dev-operator");
        foreach (var status in new[] { "Pending", "Confirmed", "Shipped", "Delivered", "Cancelled", "Rejected" })
        {
            (await Figure(page, $"orders-{status}")).ShouldBe(
                (await CountAsync($"SELECT count(*) FROM ordering.orders WHERE status = '{status}'")).ToString(), $"orders {status}");
        }

        (await Figure(page, "sagas-Completed")).ShouldBe((await CountAsync("SELECT count(*) FROM ordering.fulfilment_sagas WHERE status = 'Completed'")).ToString());
        (await Figure(page, "placed-day")).ShouldBe((await CountAsync("SELECT count(*) FROM ordering.orders WHERE created_at > now() - interval '1 day'")).ToString());
        (await Figure(page, "rejected-day")).ShouldBe("1");
        (await Figure(page, "failure-rate")).ShouldBe("50.0 %");
        (await Figure(page, "dead-Ordering")).ShouldBe((await CountAsync("SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NOT NULL")).ToString());
        (await Figure(page, "stalled")).ShouldBe("0");
    }

    [Fact]
    public async Task Given_a_stalled_tok_timeout_order_When_the_operator_finds_it_reads_why_and_retries_it_with_a_reason_Then_the_retry_is_in_its_history_and_the_audit()
    {
        var orderId = await PlaceOrderAsync("tok_timeout");
        await WaitForSagaAsync(orderId, "Failed");
        var page = await SignedInPageAsync();

        await page.ClickAsync("nav >> text=Stalled");
        var row = page.Locator($"tr[data-order='{orderId}']");
        (await row.InnerTextAsync()).ShouldContain("payment authorization from Payments");
        await ScreenshotAsync(page, "03-stalls");
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/ops/orders/{orderId}");
        var why = await page.Locator("#stall-reason").InnerTextAsync();
        why.ShouldStartWith("Failed while waiting for the payment authorization from Payments");
        why.ShouldNotContain("Nothing more happens by itself", Case.Sensitive, "Payments is still retrying the provider: the order moves on by itself");
        why.ShouldContain("Payments keeps calling the payment provider (provider attempts");
        (await page.Locator("#saga-step").InnerTextAsync()).ShouldBe("AuthorizePayment");
        (await page.Locator("main").InnerTextAsync()).ShouldNotMatch(@"\b(GET|POST|PUT|PATCH|DELETE) /|/api/v1",
            "the page tells an operator what to do in the console's words, not which API call to make");
        (await page.EvaluateAsync<string[]>(CardsOverflowing)).ShouldBeEmpty("a long last error or detail must wrap inside its card, not spill over the next one");
        await ScreenshotAsync(page, "04-order-stalled");

        await page.FillAsync("#reason", "provider confirmed the outage is over");
        await page.ClickAsync("#preview-retry");
        (await page.Locator("#preview-changes").InnerTextAsync()).ShouldContain("OperatorRetry");
        (await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldNotContain("OperatorRetry");
        await ScreenshotAsync(page, "05-retry-preview");
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync($"**/ops/orders/{orderId}");

        (await page.Locator("#notice").InnerTextAsync()).ShouldContain("sent again");
        // Payments may still be inside a transaction that began before the retry committed (it waits for the provider), and
        // the history shows an entry only once every older transaction has ended (ADR 0006): reload until it is there.
        await Poller.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return (await page.Locator("#timeline").InnerTextAsync())
                .Contains("by dev-operator: provider confirmed the outage is over", StringComparison.OrdinalIgnoreCase);
        }, "the operator's retry in the order's timeline");
        var traceId = JsonNode.Parse(await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history"))!["entries"]![0]!["traceId"]!.GetValue<string>();
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain(traceId, Case.Sensitive, "the timeline links each change to its trace");
        await WaitForSagaAsync(orderId, "Failed"); // Payments still does not answer tok_timeout
        await page.GotoAsync("/ops/audit");
        var audit = page.Locator("tr[data-action='RetryStep']").First;
        (await audit.InnerTextAsync()).ShouldContain(orderId.ToString());
        (await audit.InnerTextAsync()).ShouldContain("provider confirmed the outage is over");
        await ScreenshotAsync(page, "06-audit");

        var phone = await SignedInPageAsync(375, 812);
        await phone.GotoAsync($"/ops/orders/{orderId}");
        await ScreenshotAsync(phone, "07-order-on-a-phone");
        var graph = await phone.Locator("#order-graph svg").EvaluateAsync<double[]>("svg => [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width]");
        graph[0].ShouldBeGreaterThanOrEqualTo(graph[1] * 0.84, "on a phone the state graph keeps a readable size (and scrolls): shrunk to fit, its states cannot be read");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page itself fits a phone's width");
    }

    [Fact]
    public async Task Given_a_stalled_order_When_the_operator_cancels_it_with_a_reason_Then_it_is_cancelled_retry_is_refused_and_both_history_and_audit_have_it()
    {
        var orderId = await PlaceOrderAsync("tok_timeout");
        await WaitForSagaAsync(orderId, "Failed");
        var page = await SignedInPageAsync();
        await page.GotoAsync($"/ops/orders/{orderId}");

        await page.FillAsync("#reason", "customer called to cancel");
        await page.ClickAsync("#preview-cancel");
        (await page.Locator("#preview-changes").InnerTextAsync()).ShouldContain("CancellationRequested");
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync($"**/ops/orders/{orderId}");
        await WaitForOrderAsync(orderId, "Cancelled");
        await page.ReloadAsync();

        (await page.Locator("#order-status").InnerTextAsync()).ShouldBe("Cancelled");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain("by dev-operator: customer called to cancel");
        (await page.Locator("#order-graph figcaption").InnerTextAsync()).ShouldContain("Pending → Cancelled");
        await ScreenshotAsync(page, "08-order-cancelled");
        (await page.Locator("#preview-retry").IsDisabledAsync()).ShouldBeTrue("a finished order offers no repair that can only be refused");
        (await page.Locator("#preview-cancel").IsDisabledAsync()).ShouldBeTrue();
        (await page.Locator("#repairs-closed").InnerTextAsync()).ShouldContain("this order is Cancelled, so it is finished");
        (await page.Locator("#saga-status").InnerTextAsync()).ShouldStartWith("Compensated: the order was cancelled; everything it held was given back");
        await page.GotoAsync("/ops/audit");
        (await page.Locator("tr[data-action='CancelOrder']").First.InnerTextAsync()).ShouldContain("customer called to cancel");
    }

    [Fact]
    public async Task Given_dead_letters_from_a_shipping_outage_When_it_is_over_and_the_group_is_replayed_Then_they_are_delivered_and_each_replay_is_audited()
    {
        Guid[] orders;
        await ExecuteAsync("ALTER TABLE shipping.shipments RENAME TO shipments_during_outage");
        try
        {
            orders = [await PlaceOrderAsync("tok_visa"), await PlaceOrderAsync("tok_visa")];
            foreach (var orderId in orders)
            {
                (await WaitForSagaAsync(orderId, "Failed"))["currentStep"]!.GetValue<string>().ShouldBe("CreateShipment", "the saga must fail where the outage is");
            }

            // A step retried by its deadline before the saga failed sends CreateShipment again; delivered after the outage, it
            // would carry its order on and make the order's dead letter moot (it leaves the list): keep the outage until
            // every message to Shipping is dead.
            const string InLineToShipping = "SELECT count(*) FROM ordering.outbox_messages WHERE consumer = 'Shipping' AND dead_lettered_at IS NULL";
            await Poller.UntilAsync(async () => await CountAsync(InLineToShipping) == 0, "every message to Shipping sent during the outage to be dead-lettered",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE shipping.shipments_during_outage RENAME TO shipments");
        }

        var page = await SignedInPageAsync();
        const string DeadToShipping = "SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NOT NULL AND consumer = 'Shipping'";
        var dead = await CountAsync(DeadToShipping);
        dead.ShouldBeGreaterThanOrEqualTo(2);

        // One letter from its order's page: preview (nothing changes, the typed reason shown), then confirm.
        await page.GotoAsync($"/ops/orders/{orders[0]}");
        var replayOne = page.Locator("#messages form").First;
        await replayOne.Locator("input[name=reason]").FillAsync("shipping database restored");
        await replayOne.Locator("button[type=submit]").ClickAsync();
        var changes = await page.Locator("#preview-changes").InnerTextAsync();
        var letter = await page.Locator("#preview-letters").InnerTextAsync();
        letter.ShouldContain(orders[0].ToString(), Case.Sensitive, "the preview names the letter's order");
        letter.ShouldContain("back in line for Shipping with fresh attempts");
        changes.ShouldContain("replayed by dev-operator: shipping database restored");
        (await CountAsync(DeadToShipping)).ShouldBe(dead, "a preview replays nothing");
        await ScreenshotAsync(page, "09-replay-preview");
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync($"**/ops/orders/{orders[0]}");
        (await page.Locator("#notice").InnerTextAsync()).ShouldContain("is back in line with fresh attempts");
        (await CountAsync(DeadToShipping)).ShouldBe(dead - 1);

        // The rest as a group: preview, then confirm; the page says what was replayed.
        await page.GotoAsync("/ops/dead-letters");
        var group = page.Locator("section[data-group^='Shipping|']");
        (await group.Locator("h2").InnerTextAsync()).ShouldStartWith($"{dead - 1} ×");
        (await group.InnerTextAsync()).ShouldContain(orders[1].ToString());
        await ScreenshotAsync(page, "09-dead-letters");
        await group.Locator("input[name=reason]").EvaluateAsync("(input, text) => { input.removeAttribute('maxlength'); input.value = text; }", new string('r', 10_000));
        var tooLong = await page.RunAndWaitForResponseAsync(() => group.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        tooLong.Status.ShouldBe(400);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldContain("A reason of 1 to 500 characters is required");
        (await CountAsync(DeadToShipping)).ShouldBe(dead - 1, "a refused replay replays nothing");
        await group.Locator("input[name=reason]").FillAsync("shipping database restored");
        await group.Locator("button[type=submit]").ClickAsync();
        (await page.Locator("#preview h3").InnerTextAsync()).ShouldContain($"replay {Letters(dead - 1)} of ");
        (await page.Locator("#preview-changes").InnerTextAsync()).ShouldContain("with the reason \"shipping database restored\"");
        (await CountAsync(DeadToShipping)).ShouldBe(dead - 1, "a preview replays nothing");
        await page.ClickAsync("#confirm");
        await page.WaitForURLAsync("**/ops/dead-letters");

        (await page.Locator("#notice").InnerTextAsync()).ShouldStartWith($"Replayed {Letters(dead - 1)} of ");
        await ScreenshotAsync(page, "09-dead-letters-replayed");
        await Poller.UntilAsync(async () => await CountAsync("SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NOT NULL") == 0
            && await CountAsync("SELECT count(*) FROM shipping.shipments") >= 2, "the replayed messages were delivered", TimeSpan.FromSeconds(60));
        foreach (var orderId in orders)
        {
            (await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldContain("replayed by dev-operator: shipping database restored");
        }

        await page.GotoAsync("/ops/audit");
        (await page.Locator("tr[data-action='ReplayDeadLetter']").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Given_the_settings_page_When_the_step_attempts_are_raised_Then_a_new_order_uses_them_without_a_restart_and_the_change_is_audited()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/ops/settings");
        var attempts = page.Locator("tr[data-key='Fulfilment:MaxStepAttempts']");

        await attempts.Locator("input").FillAsync("0");
        await page.FillAsync("#reason", "testing the bounds");
        await page.ClickAsync("#save");
        (await page.Locator("#errors").InnerTextAsync()).ShouldContain("from 1 to 20");
        await page.GotoAsync("/ops/settings");
        await attempts.Locator("input").FillAsync("4");
        await page.FillAsync("#reason", "payment provider is slow today");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/ops/settings");
        (await page.Locator("#notice").InnerTextAsync()).ShouldContain("Fulfilment:MaxStepAttempts 3 → 4");
        (await attempts.Locator("td[data-value]").InnerTextAsync()).ShouldBe("4");
        await ScreenshotAsync(page, "10-settings");

        var orderId = await PlaceOrderAsync("tok_timeout");
        var saga = await WaitForSagaAsync(orderId, "Failed");
        saga["attempts"]!.GetValue<int>().ShouldBe(4);
        await page.GotoAsync("/ops/audit");
        (await page.Locator("tr[data-action='ChangeSetting']").First.InnerTextAsync()).ShouldContain("Fulfilment:MaxStepAttempts: 3 → 4");

        await page.GotoAsync("/ops/settings");
        await attempts.Locator("input").FillAsync("3");
        await page.FillAsync("#reason", "back to normal");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**/ops/settings");
    }

    [Fact]
    public async Task Given_a_form_whose_antiforgery_token_was_removed_When_it_is_submitted_Then_it_is_refused_and_nothing_changes()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/ops/settings");
        var before = await CountAsync("SELECT count(*) FROM operations.setting_changes");
        await page.Locator("tr[data-key='Fulfilment:MaxStepAttempts'] input").FillAsync("7");
        await page.FillAsync("#reason", "forged");
        await page.EvaluateAsync("document.querySelectorAll('form input[name=__RequestVerificationToken]').forEach(i => i.remove())");

        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#save"),
            r => r.Url.EndsWith("/ops/settings", StringComparison.Ordinal) && r.Request.Method == "POST");

        response.Status.ShouldBe(400);
        (await CountAsync("SELECT count(*) FROM operations.setting_changes")).ShouldBe(before);
    }

    private static string Letters(long count) => count == 1 ? "1 dead letter" : $"{count} dead letters";

    private const string CardsOverflowing =
        "() => [...document.querySelectorAll('.card')].filter(card => card.scrollWidth > card.clientWidth + 1).map(card => card.querySelector('h2')?.textContent ?? card.id)";

    private static async Task<string> Figure(IPage page, string name) =>
        Regex.Replace(await page.Locator($"[data-figure='{name}']").InnerTextAsync(), @"\s+", " ").Trim();
}
