using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Intake;

// Issue 13 point 2: admission follows the pipeline's real backlog. While a queue of due messages has waited longer than
// Api:Intake:MaxBacklogAge, POST /orders answers 503 `backlog` with Retry-After and stores nothing; a few stuck
// messages are not a queue and close nothing; once the queue is gone, orders are accepted again.
public sealed class BacklogAdmissionTests(BacklogApiFactory api) : IClassFixture<BacklogApiFactory>
{
    // PipelineBacklog.QueueDepth: the due messages of one outbox that make a queue.
    private const int QueueDepth = 32;
    private const string Sku = "BACKLOG-1";
    private const string TestType = "tests.backlog-admission";

    [Fact]
    public async Task Given_a_queue_of_due_messages_older_than_the_limit_When_an_order_is_placed_Then_it_is_503_backlog_and_nothing_is_stored()
    {
        using var storefront = api.Storefront();
        await StockAsync();
        await using (var queue = await HoldDueMessagesAsync(QueueDepth))
        {
            using var refused = await Poller.UntilAsync(() => PlaceAsync(storefront), r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
                "POST /orders to be refused while a queue waits", TimeSpan.FromSeconds(15));
            var problem = await refused.ShouldBeProblemAsync(503);
            problem.Text("type")!.ShouldEndWith("/backlog");
            problem.Text("detail")!.ShouldContain("Api:Intake:MaxBacklogAge");
            refused.Headers.RetryAfter.ShouldNotBeNull();

            var orders = await CountOrdersAsync();
            using var again = await PlaceAsync(storefront);
            again.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "the queue is still held");
            (await CountOrdersAsync()).ShouldBe(orders, "a refused order must not be stored");
            await ShouldBeLoggedAsWarningAsync(storefront);
        }

        using var accepted = await Poller.UntilAsync(() => PlaceAsync(storefront), r => r.StatusCode == HttpStatusCode.Accepted,
            "POST /orders to be accepted once the queue is gone", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Given_fewer_stuck_messages_than_a_queue_When_an_order_is_placed_Then_it_is_accepted()
    {
        using var storefront = api.Storefront();
        await StockAsync();
        await using var stuck = await HoldDueMessagesAsync(QueueDepth - 1);
        await Task.Delay(BacklogApiFactory.MaxBacklogAge * 2);

        using var response = await PlaceAsync(storefront);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    // Backpressure is the host working as designed: its access line is a warning, so alerts on errors stay quiet.
    private static async Task ShouldBeLoggedAsWarningAsync(HttpClient storefront)
    {
        using var console = new ConsoleCapture();
        var correlationId = "backlog-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 5m))),
        };
        request.Headers.Add("X-Correlation-Id", correlationId);
        using var response = await storefront.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        var line = await Poller.UntilAsync(
            () => Task.FromResult(console.Lines.FirstOrDefault(l => l.Contains(correlationId, StringComparison.Ordinal) && l.Contains(" responded 503 ", StringComparison.Ordinal))),
            l => l is not null, "the refused request's access line", TimeSpan.FromSeconds(5));
        line!.ShouldContain(" WRN]");
    }

    private async Task StockAsync()
    {
        using var operatorClient = api.Operator();
        await operatorClient.SetStockAsync(Sku, 1000);
    }

    private static Task<HttpResponseMessage> PlaceAsync(HttpClient storefront) =>
        storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 5m)));

    private async Task<long> CountOrdersAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM ordering.orders", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    // Puts `count` messages in Ordering's outbox, due for a minute already, and holds them locked so that no dispatcher
    // can deliver them (it skips locked rows) while the backlog sampler still sees them. A row a dispatcher took before
    // the lock is replaced. Disposing removes them.
    private async Task<HeldMessages> HoldDueMessagesAsync(int count)
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var hold = await connection.BeginTransactionAsync();
        var held = 0;
        while (held < count)
        {
            await using (var insert = new NpgsqlConnection(api.ConnectionString))
            {
                await insert.OpenAsync();
                await using var add = new NpgsqlCommand(
                    $$"""
                    INSERT INTO ordering.outbox_messages (id, message_id, consumer, type, payload, occurred_at, available_at, attempts)
                    SELECT gen_random_uuid(), gen_random_uuid(), 'Inventory', '{{TestType}}', '{}', now() - interval '1 minute', now() - interval '1 minute', 0
                    FROM generate_series(1, {{count - held}})
                    """, insert);
                await add.ExecuteNonQueryAsync();
            }

            await using var take = new NpgsqlCommand(
                $"SELECT count(*) FROM (SELECT id FROM ordering.outbox_messages WHERE type = '{TestType}' AND dead_lettered_at IS NULL AND available_at <= now() FOR UPDATE SKIP LOCKED) locked",
                connection, hold);
            held = (int)(long)(await take.ExecuteScalarAsync())!;
        }

        return new HeldMessages(connection, hold);
    }

    private sealed class HeldMessages(NpgsqlConnection connection, NpgsqlTransaction hold) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var remove = new NpgsqlCommand($"DELETE FROM ordering.outbox_messages WHERE type = '{TestType}'", connection, hold))
            {
                await remove.ExecuteNonQueryAsync();
            }

            await hold.CommitAsync();
            await hold.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
