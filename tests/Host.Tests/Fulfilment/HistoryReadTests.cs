using System.Net;
using Npgsql;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Fulfilment;

// A read must not write: not a row inserted, updated or deleted in any module's schema, on the first read or a repeat.
[Collection(ApiCollection.Name)]
public sealed class HistoryReadTests(ApiFactory api) : StockedApiTests(api, "BOOK-TAOCP", 5)
{
    [Fact]
    public async Task Given_a_delivered_order_When_its_history_is_read_twice_Then_no_row_of_any_module_changes()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 12m)));
        var confirmed = await Storefront.WaitForStatusAsync(orderId, "Confirmed");
        (await Operator.DispatchAsync(confirmed.Text("shipmentId")!)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Storefront.WaitForStatusAsync(orderId, "Shipped");
        (await Operator.PostAsync($"/api/v1/shipments/{confirmed.Text("shipmentId")}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Storefront.WaitForStatusAsync(orderId, "Delivered");
        await using var rows = await DatabaseRows.OpenAsync(Api.ConnectionString);
        var before = await QuietSnapshotAsync(rows);

        var first = await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}/history");
        var second = await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}/history");

        var after = await SnapshotAsync(rows);
        after.ShouldBe(before, "reading the history changed rows: " + Difference(before, after));
        second.ToJsonString().ShouldBe(first.ToJsonString());
        first["entries"]!.AsArray().Select(e => e!["sequence"]!.GetValue<int>())
            .ShouldBe(Enumerable.Range(1, first["entries"]!.AsArray().Count));
    }

    // Row counts per table, plus per table a checksum of every row's creating transaction (xmin), which an
    // UPDATE changes even when it writes the same values.
    private async Task<Dictionary<string, long>> SnapshotAsync(DatabaseRows rows)
    {
        var snapshot = new Dictionary<string, long>(await rows.SnapshotAsync());
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('ordering', 'inventory', 'payments', 'shipping') ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var versions = new NpgsqlCommand($"SELECT coalesce(sum(hashtext(xmin::text || ':' || ctid::text)), 0) FROM {table}", connection);
            snapshot[table + " (row versions)"] = (long)(await versions.ExecuteScalarAsync())!;
        }

        return snapshot;
    }

    // Delivery leaves nothing behind to process, but its last messages may still be settling: wait until two
    // snapshots a moment apart agree.
    private async Task<Dictionary<string, long>> QuietSnapshotAsync(DatabaseRows rows)
    {
        var deadline = DateTime.UtcNow + FulfilmentProbes.Patience;
        var previous = await SnapshotAsync(rows);
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var current = await SnapshotAsync(rows);
            if (Difference(previous, current).Length == 0 || DateTime.UtcNow > deadline)
            {
                return current;
            }

            previous = current;
        }
    }

    private static string Difference(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} -> {a.Value}"));
}
