using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Observability;

// A message that waits behind a lock another session holds is deferred again and again; each deferral moves its
// available_at, but it has been deliverable all along, so its age (readiness and the age metric) keeps growing.
public sealed class LockWaitReadinessTests(LockWaitReadinessApiFactory api) : IClassFixture<LockWaitReadinessApiFactory>
{
    [Fact]
    public async Task Given_a_consumer_table_locked_When_its_messages_are_deferred_past_the_threshold_Then_readiness_and_the_age_metric_say_so_until_they_drain()
    {
        await api.ResetAsync();
        await api.Operator().SetStockAsync("TSHIRT-RED-M", 10);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var blocking = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE inventory.inbox_messages IN ACCESS EXCLUSIVE MODE", connection, blocking))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var orderId = await api.Storefront().PlaceOrderAsync(OrderRequests.PlaceOrderBody());
        await Poller.UntilAsync(DeferredAsync, "the reserve-stock delivery to be deferred after a lock wait", FulfilmentProbes.Patience);

        var (status, body) = await Poller.UntilAsync(ReadinessAsync, r => r.Status == HttpStatusCode.ServiceUnavailable,
            "readiness 503 while the message is blocked", FulfilmentProbes.Patience);
        body.Text("reason")!.ShouldContain("Ordering: oldest due message waited");
        // The module that cannot take it is named too: the sender's outbox holds it, Inventory's inbox is locked.
        body.Text("reason")!.ShouldContain("for Inventory to take it");
        var scrape = await ScrapeAsync();
        scrape.Sum("oms_outbox_oldest_message_age_seconds", ("oms_module", "Ordering")).ShouldBeGreaterThan(LockWaitReadinessApiFactory.MaxMessageAge.TotalSeconds);

        await blocking.CommitAsync();
        await Poller.UntilAsync(ReadinessAsync, r => r.Status == HttpStatusCode.OK, "readiness 200 once the messages drain", FulfilmentProbes.Patience);
        await api.Storefront().WaitForStatusAsync(orderId, "Confirmed");
    }

    private async Task<bool> DeferredAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM ordering.outbox_messages WHERE last_error LIKE '%not counted as an attempt%' AND attempts = 0", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ReadinessAsync()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private async Task<PrometheusText> ScrapeAsync()
    {
        var response = await api.Operator().GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
