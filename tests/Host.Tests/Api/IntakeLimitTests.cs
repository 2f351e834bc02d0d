using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Api;

[Collection(BusyIntakeCollection.Name)]
public sealed class IntakeLimitTests(BusyIntakeApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_every_intake_slot_taken_When_another_order_is_placed_Then_it_is_turned_away_with_503_and_Retry_After_and_stores_nothing()
    {
        await using var blocker = new NpgsqlConnection(api.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE ordering.orders IN ACCESS EXCLUSIVE MODE", blocker, transaction).ExecuteNonQueryAsync();
        var first = _storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody());
        await Poller.UntilAsync(() => WaitsOnOrdersTableAsync(api.ConnectionString), "the first placement to hold its slot, waiting on the orders table");

        var second = await _storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody());

        var problem = await second.ShouldBeProblemAsync(503);
        problem["type"]!.GetValue<string>().ShouldEndWith("/overloaded");
        second.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        await transaction.RollbackAsync();
        (await first).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await using var rows = await DatabaseRows.OpenAsync(api.ConnectionString);
        (await rows.SnapshotAsync())["ordering.orders"].ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_free_intake_slot_When_orders_are_placed_one_after_another_Then_each_is_accepted()
    {
        for (var i = 0; i < 3; i++)
        {
            var response = await _storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody());
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
    }

    private static async Task<bool> WaitsOnOrdersTableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_locks WHERE NOT granted AND relation = 'ordering.orders'::regclass", connection);
        return (int)(await command.ExecuteScalarAsync())! > 0;
    }
}
