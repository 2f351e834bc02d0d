using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Console;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Operations;

// Issue 15 items 10 and 11: tok_outage lets an operator rehearse a dead letter and its replay; operator actions need a
// reason, and a retry while one is under way is refused.
[Collection(ProviderOutageCollection.Name)]
public sealed class ProviderOutageTests(ProviderOutageApiFactory api) : StockedApiTests(api, "OUTAGE-SKU", 10)
{
    [Fact]
    public async Task Given_a_tok_outage_order_When_its_payment_is_dead_lettered_and_replayed_after_the_outage_Then_it_is_Confirmed()
    {
        using var console = new ConsoleCapture();
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));

        var saga = await WaitForSagaAsync(orderId, "Failed");
        saga.Text("lastError").ShouldNotBeNull().ShouldContain("dead-lettered");
        var failures = console.Lines.Where(l => l.Contains("payments.authorize-payment.v1", StringComparison.Ordinal) && l.Contains("failed (attempt", StringComparison.Ordinal)).ToList();
        failures.ShouldNotBeEmpty();
        failures.ShouldAllBe(l => l.Contains(orderId.ToString(), StringComparison.Ordinal), "a delivery failure names its order");
        var traceId = (await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}/history"))["entries"]![0]!.Text("traceId")!;
        failures.ShouldAllBe(l => l.Contains(traceId, StringComparison.Ordinal), "a delivery failure carries the order's trace id");
        var letter = (await DeadLettersAsync()).Single();
        (letter.Text("module"), letter.Text("messageType")).ShouldBe(("Payments", "payments.authorize-payment.v1"));
        letter.Text("lastError").ShouldNotBeNull().ShouldContain("Sandbox outage");
        var pending = await Poller.UntilAsync(() => Storefront.GetJsonAsync($"/api/v1/orders/{orderId}"), o => o.Text("paymentId") is not null,
            "the order to show the payment Payments holds", FulfilmentProbes.Patience);
        pending.Status().ShouldBe("Pending");
        pending.Text("paymentStatus").ShouldBe("Pending");
        await WaitForOutageEndAsync(letter);

        var replay = await Operator.ReplayDeadLetterAsync(letter.Text("id"), "provider is back");

        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());
        var confirmed = await Storefront.WaitForOutcomeAsync(orderId);
        confirmed.Status().ShouldBe("Confirmed");
        await Operator.AssertPaymentAsync(confirmed, "Authorized");
        (await WaitForSagaAsync(orderId, "Completed")).Text("status").ShouldBe("Completed");
        (await api.AuditAsync(orderId)).ShouldBe([("ReplayDeadLetter", "dev-operator", "provider is back")]);
        // Issue 11 (newcomer review, defect I): the replay was listed after what it caused when both fell in one second.
        var entries = await Storefront.WaitForHistoryAsync(orderId, "OrderConfirmed");
        var events = entries.Select(e => $"{e.Text("module")} {e.Text("event")} {e.Text("toState")}").ToList();
        var replayedAt = entries.FindIndex(e => e.Text("event") == "DeadLetterReplayed");
        replayedAt.ShouldBeGreaterThan(0, string.Join(", ", events));
        entries.FindLastIndex(e => e.Text("event") == "AuthorizationAttemptFaulted").ShouldBeLessThan(replayedAt, string.Join(", ", events));
        entries.FindIndex(e => e.Text("module") == "Payments" && e.Text("toState") == "Authorized").ShouldBeGreaterThan(replayedAt, string.Join(", ", events));
        entries.FindIndex(e => e.Text("event") == "OrderConfirmed").ShouldBeGreaterThan(replayedAt, string.Join(", ", events));
    }

    // Issue 11 (newcomer review, defect C): a group replay of one sender's payment letters confirmed the orders, and the
    // other sender's letters of the same orders stayed listed as if they still needed a decision.
    [Fact]
    public async Task Given_two_dead_letters_of_one_payment_step_When_one_is_replayed_and_the_order_confirmed_Then_the_other_leaves_the_list_as_moot()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));
        await WaitForSagaAsync(orderId, "Failed");
        var letter = (await DeadLettersAsync()).Single();
        var sibling = Guid.NewGuid();
        await using (var connection = new Npgsql.NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand(
                "INSERT INTO ordering.outbox_messages (id, message_id, consumer, type, payload, occurred_at, available_at, attempts, dead_lettered_at, last_error) " +
                $"VALUES ('{sibling}', gen_random_uuid(), 'Payments', 'payments.authorize-payment.v1', '{{\"orderId\":\"{orderId}\"}}', now(), now(), 3, now(), " +
                "'SandboxOutageException: the same outage')", connection);
            await insert.ExecuteNonQueryAsync();
        }

        var waiting = await DeadLettersAsync();
        waiting.Count.ShouldBe(2);
        waiting.ShouldAllBe(l => l["mootBecause"] == null, "both wait for a decision while the saga waits");
        await WaitForOutageEndAsync(letter);

        var replay = await Operator.ReplayDeadLetterAsync(letter.Text("id"), "provider is back");

        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());
        (await Storefront.WaitForOutcomeAsync(orderId)).Status().ShouldBe("Confirmed");
        var superseded = (await Storefront.WaitForHistoryAsync(orderId, "DeadLetterSuperseded")).Single(e => e.Text("event") == "DeadLetterSuperseded");
        superseded.Text("detail").ShouldNotBeNull().ShouldContain($"dead letter {sibling} (payments.authorize-payment.v1 to Payments");
        superseded.Text("detail").ShouldNotBeNull().ShouldContain("is moot: the order is ");
        (await DeadLettersAsync()).ShouldBeEmpty("the sibling letter is moot once the order is past the payment step");
    }

    // Issue 15: a dead letter stayed listed after a retry had made it moot and the order had recovered.
    [Fact]
    public async Task Given_a_dead_lettered_payment_When_the_operator_retries_the_saga_instead_of_replaying_Then_the_dead_letter_leaves_the_list_and_the_history_keeps_it()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));
        await WaitForSagaAsync(orderId, "Failed");
        var letter = (await DeadLettersAsync()).Single();
        await WaitForOutageEndAsync(letter);

        var retry = await RetryAsync(orderId, "provider is back");

        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted, await retry.Content.ReadAsStringAsync());
        (await DeadLettersAsync()).ShouldBeEmpty("the retry sends the payment again, so its dead letter is moot");
        (await Storefront.WaitForOutcomeAsync(orderId)).Status().ShouldBe("Confirmed");
        var superseded = (await Storefront.WaitForHistoryAsync(orderId, "DeadLetterSuperseded")).Single(e => e.Text("event") == "DeadLetterSuperseded");
        var detail = superseded.Text("detail").ShouldNotBeNull();
        detail.ShouldContain(letter.Text("id")!);
        detail.ShouldContain("payments.authorize-payment.v1");
    }

    // Issue 11 (defect 3): the console's preview of a retry left out that the retry also supersedes the order's dead letter
    // of that step (a history entry) and removes it from the dead letters; and its stall reason must not call it hopeless.
    [Fact]
    public async Task Given_a_dead_lettered_payment_When_the_console_previews_a_retry_Then_it_lists_every_effect_and_changes_nothing()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));
        await WaitForSagaAsync(orderId, "Failed");
        var letter = (await DeadLettersAsync()).Single();
        var console = ConsoleClient.For(api);
        await console.SignInAsync(ApiFactory.OperatorKey);

        var orderPage = WebUtility.HtmlDecode(await console.Http.GetStringAsync($"/ops/orders/{orderId}"));
        var preview = await console.PostFormAsync($"/ops/orders/{orderId}?handler=preview",
            new Dictionary<string, string> { ["kind"] = "RetryStep", ["reason"] = "see what it does" }, tokenFrom: $"/ops/orders/{orderId}");

        orderPage.ShouldContain("Nothing more happens by itself: replay its dead letter, retry the step, or cancel the order.");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changes = PreviewChanges(await preview.Content.ReadAsStringAsync());
        changes.ShouldContain("OperatorRetry");
        changes.ShouldContain("by dev-operator: see what it does", Case.Sensitive, "the preview shows the reason typed, where the retry records it");
        changes.ShouldNotContain("(your reason)");
        changes.ShouldContain($"DeadLetterSuperseded (AuthorizePayment) dead letter {letter.Text("id")}");
        changes.ShouldContain($"Removes dead letter {letter.Text("id")} (payments.authorize-payment.v1 to Payments) from the dead letters");
        changes.ShouldContain("Operators' audit: RetryStep on this order by dev-operator");
        (await DeadLettersAsync()).Count.ShouldBe(1, "a preview changes nothing");
        (await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldNotContain("DeadLetterSuperseded");
    }

    // Issue 11 (review, defect 1): a dead letter's replay had no preview, and replaying it again said "not found".
    [Fact]
    public async Task Given_a_dead_lettered_payment_When_the_console_previews_replays_and_replays_it_again_Then_the_preview_changes_nothing_and_the_second_says_who_replayed_it()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));
        await WaitForSagaAsync(orderId, "Failed");
        var letter = (await DeadLettersAsync()).Single();
        var id = letter.Text("id")!;
        var console = ConsoleClient.For(api);
        await console.SignInAsync(ApiFactory.OperatorKey);
        var path = $"/ops/orders/{orderId}";
        var form = new Dictionary<string, string> { ["letterId"] = id, ["reason"] = "provider is back" };

        var preview = await console.PostFormAsync($"{path}?handler=previewReplay", form, tokenFrom: path);

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changes = PreviewChanges(await preview.Content.ReadAsStringAsync());
        changes.ShouldContain($"Puts 1 dead letter of 1 order back in line with fresh attempts");
        var letters = Regex.Replace(Regex.Replace(WebUtility.HtmlDecode(Regex.Match(await preview.Content.ReadAsStringAsync(),
            "<ul id=\"preview-letters\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value), "<[^>]+>", ""), "\\s+", " ");
        letters.ShouldContain($"Order {orderId}");
        letters.ShouldContain("payments.authorize-payment.v1 to Payments back in line for Payments with fresh attempts");
        letters.ShouldContain($"(dead letter {id})");
        changes.ShouldContain("DeadLetterReplayed payments.authorize-payment.v1 to Payments replayed by dev-operator: provider is back");
        changes.ShouldContain("Operators' audit: ReplayDeadLetter by dev-operator, once for each letter, with the reason \"provider is back\"");
        (await DeadLettersAsync()).Count.ShouldBe(1, "a preview changes nothing");
        (await Storefront.GetStringAsync($"/api/v1/orders/{orderId}/history")).ShouldNotContain("DeadLetterReplayed");
        (await api.AuditAsync(orderId)).ShouldBeEmpty();
        await WaitForOutageEndAsync(letter);

        var first = await console.PostFormAsync($"{path}?handler=replay", form, tokenFrom: path);
        var again = await console.PostFormAsync($"{path}?handler=replay", form, tokenFrom: path);
        var byApi = await Operator.ReplayDeadLetterAsync(id, "once more");
        var previewAgain = await console.PostFormAsync($"{path}?handler=previewReplay", form, tokenFrom: path);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var refusal = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        refusal.ShouldContain($"Dead letter {id} was already replayed by dev-operator at ");
        refusal.ShouldContain("(reason: provider is back), so it is no longer a dead letter and there is nothing to replay.");
        refusal.ShouldNotContain("was not found");
        (await byApi.ShouldBeProblemAsync(409)).Text("detail").ShouldNotBeNull().ShouldContain("already replayed by dev-operator");
        WebUtility.HtmlDecode(await previewAgain.Content.ReadAsStringAsync()).ShouldContain("Not possible now: Dead letter " + id + " was already replayed");
        (await api.AuditAsync(orderId)).ShouldBe([("ReplayDeadLetter", "dev-operator", "provider is back")], "only the replay that happened is audited");
        (await Storefront.WaitForOutcomeAsync(orderId)).Status().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Given_a_failed_saga_When_anOperator_retries_it_twice_in_a_row_Then_the_second_is_409_and_only_one_retry_is_recorded()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));
        await WaitForSagaAsync(orderId, "Failed");

        var first = await RetryAsync(orderId, "first try");
        var second = await RetryAsync(orderId, "second try");

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        (await first.JsonAsync()).Text("lastError").ShouldBeNull("the retry answer must not show the error it is retrying past");
        (await second.ShouldBeProblemAsync(409)).Text("detail").ShouldNotBeNull().ShouldContain("already under way");
        var history = await Storefront.WaitForHistoryAsync(orderId, "OperatorRetry");
        history.Count(e => e.Text("event") == "OperatorRetry").ShouldBe(1);
        (await api.AuditAsync(orderId)).ShouldBe([("RetryStep", "dev-operator", "first try")], "the refused retry is not audited");
    }

    [Fact]
    public async Task Given_a_failed_saga_When_anOperator_acts_without_a_reason_Then_400_naming_reason_and_nothing_changes()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_outage", (Sku, 2, 15m)));
        var before = await WaitForSagaAsync(orderId, "Failed");
        var letter = (await DeadLettersAsync()).Single();

        var noBody = await Operator.PostAsync($"/api/v1/ops/sagas/{orderId}/retry", null);
        var blank = await RetryAsync(orderId, " ");
        var replay = await Operator.PostAsync($"/api/v1/ops/dead-letters/{letter.Text("id")}/replay", null);
        var cancel = await Operator.PostAsync($"/api/v1/orders/{orderId}/cancel", null);
        var blankCancel = await Operator.CancelAsync(orderId, "");

        await noBody.ShouldBeProblemAsync(400, "reason");
        await blank.ShouldBeProblemAsync(400, "reason");
        await replay.ShouldBeProblemAsync(400, "reason");
        await cancel.ShouldBeProblemAsync(400, "reason");
        await blankCancel.ShouldBeProblemAsync(400, "reason");
        (await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}")).ToJsonString().ShouldBe(before.ToJsonString());
        (await DeadLettersAsync()).Count.ShouldBe(1);
        (await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}"))["cancellationRequestedAt"].ShouldBeNull();
        (await api.AuditAsync(orderId)).ShouldBeEmpty();
    }

    private static string PreviewChanges(string page) =>
        WebUtility.HtmlDecode(Regex.Match(page, "<ul id=\"preview-changes\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value);

    private Task<HttpResponseMessage> RetryAsync(Guid orderId, string reason) => Operator.RetrySagaAsync(orderId, reason);

    // The sandbox's outage runs from its first call, which the payment worker makes a moment after the order is placed:
    // wait until the end the dead letter's error names, not for a guess from the test's own start.
    private static async Task WaitForOutageEndAsync(JsonObject letter)
    {
        var ends = DateTimeOffset.Parse(Regex.Match(letter.Text("lastError")!, @"until (\S+):").Groups[1].Value, CultureInfo.InvariantCulture);
        await Task.Delay(ends - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
    }

    private Task<JsonObject> WaitForSagaAsync(Guid orderId, string status) =>
        Poller.UntilAsync(() => Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}"), s => s.Text("status") == status,
            $"the saga of order {orderId} to be {status}", FulfilmentProbes.Patience);

    private async Task<List<JsonObject>> DeadLettersAsync() =>
        (await Operator.GetJsonAsync("/api/v1/ops/dead-letters?limit=100"))["items"]!.AsArray().Select(l => l!.AsObject()).ToList();
}
