using Npgsql;
using OrderManagement.Inventory.Contracts;

namespace OrderManagement.Inventory.Tests;

// Groups of reservations share one transaction (ADR 0005) and may run side by side (ADR 0014): each locks its stock
// rows in SKU order first, so groups that take the same SKUs in opposite orders queue instead of deadlocking.
public sealed class GroupedReservationTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    private const int Groups = 8;
    private const int OrdersPerGroup = 6;

    [Fact]
    public async Task Given_groups_that_take_the_same_skus_in_opposite_orders_When_delivered_side_by_side_Then_each_commits_whole_without_a_deadlock()
    {
        await SetStockAsync("PAIR-A", 1000);
        await SetStockAsync("PAIR-B", 1000);
        var groups = Enumerable.Range(0, Groups).Select(g => Enumerable.Range(0, OrdersPerGroup)
            .Select(i => new Contracts.ReserveStock(Guid.NewGuid(), [new StockLine((g + i) % 2 == 0 ? "PAIR-A" : "PAIR-B", 1)]))
            .ToList()).ToList();

        var errors = await Task.WhenAll(groups.Select(group => Task.Run(() => Host.DeliverGroupAsync(group, InventoryModule.Name))));

        errors.SelectMany(e => e).ShouldAllBe(e => e == null);
        (await StockOfAsync("PAIR-A")).Reserved.ShouldBe(Groups * OrdersPerGroup / 2);
        (await StockOfAsync("PAIR-B")).Reserved.ShouldBe(Groups * OrdersPerGroup / 2);
        // A group undone by a deadlock (or a lock wait) is redone one message per transaction: more transactions than groups.
        (await TransactionsOfReservationsAsync(groups.SelectMany(g => g).Select(m => m.OrderId).ToArray())).ShouldBe(Groups);
    }

    private async Task<int> TransactionsOfReservationsAsync(Guid[] orderIds)
    {
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT xmin::text)::int FROM inventory.reservations WHERE order_id = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = orderIds });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
