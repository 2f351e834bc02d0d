using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Observability;

// /health/ready proves the work moves: a stopped dispatcher, a message waiting past the threshold or a migration not
// applied makes the host not ready, naming the module, and it is ready again once that is fixed.
public sealed class ReadinessTests(ReadinessApiFactory api) : IClassFixture<ReadinessApiFactory>
{
    [Fact]
    public async Task Given_every_module_moving_When_readiness_is_asked_Then_it_is_ready_with_every_check_named()
    {
        var (status, body) = await WaitForReadinessAsync(ready: true);

        status.ShouldBe(HttpStatusCode.OK);
        body.Text("status").ShouldBe("ready");
        body["reason"].ShouldBeNull();
        var checks = body["checks"]!.AsObject();
        foreach (var name in new[] { "database", "Ordering", "Inventory", "Payments", "Shipping" })
        {
            checks[name]!.Text("status").ShouldBe("ready", name);
        }

        (await api.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_stopped_dispatcher_When_readiness_is_asked_Then_it_is_503_naming_the_module_and_200_once_it_runs_again()
    {
        var dispatcher = Dispatchers.Of(api.Services, "Shipping");
        await dispatcher.StopAsync(CancellationToken.None);
        try
        {
            var (status, body) = await WaitForReadinessAsync(ready: false);

            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            body.Text("reason")!.ShouldContain("Shipping: dispatcher stopped");
            body["checks"]!["Shipping"]!.Text("status").ShouldBe("not-ready");
            body["checks"]!["Ordering"]!.Text("status").ShouldBe("ready");
            (await api.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await dispatcher.StartAsync(CancellationToken.None);
        }

        (await WaitForReadinessAsync(ready: true)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_message_stuck_past_the_threshold_When_readiness_is_asked_Then_it_is_503_until_the_message_drains()
    {
        await api.ResetAsync();
        await api.Operator().SetStockAsync("TSHIRT-RED-M", 10);
        var dispatcher = Dispatchers.Of(api.Services, "Ordering");
        await dispatcher.StopAsync(CancellationToken.None);
        var orderId = await api.Storefront().PlaceOrderAsync(OrderRequests.PlaceOrderBody());

        // A delivery that never completes: the rows are locked, so the running dispatcher skips them.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var stuck = await connection.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT id FROM ordering.outbox_messages FOR UPDATE", connection, stuck))
        {
            await lockRows.ExecuteNonQueryAsync();
        }

        await dispatcher.StartAsync(CancellationToken.None);
        var (status, body) = await WaitForReadinessAsync(ready: false);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.Text("reason")!.ShouldContain("Ordering: oldest due message waited");
        body.Text("reason")!.ShouldNotContain("dispatcher stopped");

        await stuck.CommitAsync();
        (await WaitForReadinessAsync(ready: true)).Status.ShouldBe(HttpStatusCode.OK);
        await api.Storefront().WaitForStatusAsync(orderId, "Confirmed");
    }

    [Fact]
    public async Task Given_a_migration_missing_from_a_module_journal_When_readiness_is_asked_Then_it_is_503_naming_it_and_200_once_it_is_applied()
    {
        const string Version = "0002_history_trace_id";
        await ExecuteAsync($"DELETE FROM payments.schema_migrations WHERE version = '{Version}'");
        try
        {
            var (status, body) = await Poller.UntilAsync(ReadinessAsync,
                r => r.Body["reason"]?.GetValue<string>()?.Contains("migrations pending", StringComparison.Ordinal) == true,
                "readiness to name the pending migration", FulfilmentProbes.Patience);

            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            body.Text("reason")!.ShouldContain($"Payments: migrations pending: {Version}");
            body["checks"]!["Payments"]!.Text("status").ShouldBe("not-ready");
            body["checks"]!["Inventory"]!.Text("status").ShouldBe("ready");
        }
        finally
        {
            await ExecuteAsync($"INSERT INTO payments.schema_migrations (version) VALUES ('{Version}') ON CONFLICT DO NOTHING");
        }

        (await WaitForReadinessAsync(ready: true)).Status.ShouldBe(HttpStatusCode.OK);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ReadinessAsync()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> WaitForReadinessAsync(bool ready) =>
        Poller.UntilAsync(ReadinessAsync, r => (r.Status == HttpStatusCode.OK) == ready, ready ? "readiness 200" : "readiness 503", FulfilmentProbes.Patience);
}
