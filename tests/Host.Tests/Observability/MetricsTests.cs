using System.Net;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Observability;

// GET /metrics (Prometheus text format, operator role) counts exactly the work that was done. A host of its own, so no
// other test's orders still moving in the background can be counted.
public sealed class MetricsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Given_known_orders_When_metrics_are_scraped_Then_they_show_exactly_those_orders_and_their_messages()
    {
        await api.ResetAsync();
        var storefront = api.Storefront();
        await api.Operator().SetStockAsync("TSHIRT-RED-M", 10);
        var before = await ScrapeAsync();

        var confirmed = new[] { await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody()), await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody()) };
        var declined = await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_declined"));
        var outOfStock = await storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", ("TSHIRT-RED-M", 100, 19.99m)));
        foreach (var id in confirmed)
        {
            await storefront.WaitForStatusAsync(id, "Confirmed");
        }

        await storefront.WaitForStatusAsync(declined, "Rejected");
        await storefront.WaitForStatusAsync(outOfStock, "Rejected");
        (await storefront.CancelAsync(confirmed[1])).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await storefront.WaitForStatusAsync(confirmed[1], "Cancelled");

        var after = await Poller.UntilAsync(ScrapeAsync, s => Delta(before, s, "oms_orders_cancelled_total") >= 1, "the cancellation to be counted");
        Delta(before, after, "oms_orders_placed_total").ShouldBe(4);
        Delta(before, after, "oms_orders_confirmed_total").ShouldBe(2);
        Delta(before, after, "oms_orders_rejected_total", ("oms_order_rejection_reason", "PaymentDeclined")).ShouldBe(1);
        Delta(before, after, "oms_orders_rejected_total", ("oms_order_rejection_reason", "OutOfStock")).ShouldBe(1);
        Delta(before, after, "oms_orders_cancelled_total").ShouldBe(1);
        Delta(before, after, "oms_order_confirmation_duration_seconds_count").ShouldBe(2);
        Delta(before, after, "oms_saga_step_duration_seconds_count", ("oms_saga_step", "ReserveStock")).ShouldBe(4);
        Delta(before, after, "oms_saga_step_duration_seconds_count", ("oms_saga_step", "AuthorizePayment")).ShouldBe(3);
        Delta(before, after, "oms_messages_delivered_total", ("messaging_destination_name", "Inventory"), ("oms_message_type", "inventory.reserve-stock.v1")).ShouldBe(4);
        Delta(before, after, "oms_payment_provider_call_duration_seconds_count", ("oms_payment_operation", "authorize"), ("oms_payment_outcome", "declined")).ShouldBe(1);
        after.Sum("oms_outbox_backlog", ("oms_module", "Ordering")).ShouldBeGreaterThanOrEqualTo(0);
        after.Text.ShouldContain("oms_outbox_oldest_message_age_seconds{");
    }

    [Fact]
    public async Task Given_no_operator_key_When_metrics_are_requested_Then_they_are_refused()
    {
        (await api.ClientWithKey(null).GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.Storefront().GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_no_request_turned_away_When_metrics_are_scraped_Then_each_rejection_reason_is_listed_at_a_count()
    {
        var scrape = await ScrapeAsync();

        foreach (var reason in new[] { "overloaded", "backlog", "request-timeout", "database-busy", "database-unavailable" })
        {
            scrape.Text.ShouldContain($"oms_rejection_reason=\"{reason}\"", Case.Sensitive, $"oms_intake_rejections_total for {reason}");
        }

        scrape.Sum("oms_intake_rejections_total", ("oms_rejection_reason", "overloaded")).ShouldBe(0);
    }

    [Fact]
    public async Task Given_nothing_dead_lettered_or_expired_When_metrics_are_scraped_Then_each_known_label_set_is_listed()
    {
        var scrape = await ScrapeAsync();

        var zeros = new List<(string Metric, (string, string)[] Labels)>();
        foreach (var reason in new[] { "OutOfStock", "PaymentDeclined", "PaymentFailed", "RejectedInReview" })
        {
            zeros.Add(("oms_orders_rejected_total", [("oms_order_rejection_reason", reason)]));
        }

        foreach (var step in new[] { "ReserveStock", "ReviewOrder", "AuthorizePayment", "CreateShipment", "CancelShipment", "VoidPayment", "ReleaseStock" })
        {
            zeros.Add(("oms_saga_step_deadline_expiries_total", [("oms_saga_step", step)]));
        }

        foreach (var (consumer, type) in new[] { ("Inventory", "inventory.reserve-stock.v1"), ("Ordering", "inventory.stock-reserved.v1"),
                     ("Payments", "payments.authorize-payment.v1"), ("Shipping", "shipping.create-shipment.v1") })
        {
            zeros.Add(("oms_messages_dead_lettered_total", [("messaging_destination_name", consumer), ("oms_message_type", type)]));
        }

        zeros.Add(("oms_webhook_deliveries_total", [("outcome", "dead_lettered")]));
        // Listed, whatever the value: the host is shared with other tests, and on a slow machine one of their deadlines
        // can expire (CI saw CreateShipment's at 1). A series that is seeded is there before its first event.
        var missing = zeros.Where(z => !scrape.Has(z.Metric, z.Labels))
            .Select(z => $"{z.Metric}{{{string.Join(",", z.Labels.Select(l => $"{l.Item1}=\"{l.Item2}\""))}}}").ToList();
        missing.ShouldBeEmpty("series that should be there from the start: " + string.Join(", ", missing));
        scrape.Has("oms_orders_cancelled_total").ShouldBeTrue("oms_orders_cancelled_total should be there from the start");
    }

    private async Task<PrometheusText> ScrapeAsync()
    {
        var response = await api.Operator().GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    private static double Delta(PrometheusText before, PrometheusText after, string metric, params (string, string)[] labels) =>
        after.Sum(metric, labels) - before.Sum(metric, labels);
}
