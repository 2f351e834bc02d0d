using System.Diagnostics;
using Npgsql;
using OrderManagement.Inventory.Contracts;

namespace OrderManagement.Inventory.Tests;

// Groups of reservations share one transaction (ADR 0005) and may run side by side (ADR 0014): a group locks the stock
// rows it needs without waiting, and leaves out the messages whose rows another transaction holds (tried again soon,
// without counting an attempt), so groups never deadlock and a locked row holds up only the messages that need it.
public sealed class GroupedReservationTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    private const int Groups = 8;
    private const int OrdersPerGroup = 6;
    private const string LeftOut = "locked by another transaction";

    [Fact]
    public async Task Given_groups_that_take_the_same_skus_in_opposite_orders_When_delivered_side_by_side_Then_none_deadlocks_and_each_message_commits_or_is_left_out_for_later()
    {
        await SetStockAsync("PAIR-A", 1000);
        await SetStockAsync("PAIR-B", 1000);
        var pending = Enumerable.Range(0, Groups).Select(g => Enumerable.Range(0, OrdersPerGroup)
            .Select(i => new Contracts.ReserveStock(Guid.NewGuid(), [new StockLine((g + i) % 2 == 0 ? "PAIR-A" : "PAIR-B", 1), new StockLine((g + i) % 2 == 0 ? "PAIR-B" : "PAIR-A", 1)]))
            .ToList()).ToList();

        for (var round = 0; pending.Count > 0; round++)
        {
            round.ShouldBeLessThan(Groups * OrdersPerGroup, "every round commits at least one group's messages");
            var groups = pending;
            var errors = await Task.WhenAll(groups.Select(group => Task.Run(() => Host.DeliverGroupAsync(group, InventoryModule.Name))));

            // Only "left out": no deadlock victim, no lock wait, no failure.
            errors.SelectMany(e => e).OfType<Exception>().ShouldAllBe(e => e.Message.Contains(LeftOut));
            pending = groups.Select((group, g) => group.Where((_, i) => errors[g][i] is not null).ToList()).Where(g => g.Count > 0).ToList();
        }

        (await StockOfAsync("PAIR-A")).Reserved.ShouldBe(Groups * OrdersPerGroup);
        (await StockOfAsync("PAIR-B")).Reserved.ShouldBe(Groups * OrdersPerGroup);
    }

    [Fact]
    public async Task Given_one_sku_row_locked_by_another_session_When_a_group_needs_it_and_others_Then_the_others_commit_at_once_and_only_its_messages_are_left_out()
    {
        await SetStockAsync("LOCKED-A", 10);
        await SetStockAsync("FREE-B", 10);
        await SetStockAsync("FREE-C", 10);
        var group = new List<Contracts.ReserveStock>
        {
            new(Guid.NewGuid(), [new StockLine("FREE-B", 1)]),
            new(Guid.NewGuid(), [new StockLine("FREE-C", 1), new StockLine("LOCKED-A", 1)]),
            new(Guid.NewGuid(), [new StockLine("FREE-C", 1)]),
        };

        await using var locker = new NpgsqlConnection(Host.ConnectionString);
        await locker.OpenAsync();
        await using (var lockHeld = await locker.BeginTransactionAsync())
        {
            await using (var select = new NpgsqlCommand("SELECT on_hand FROM inventory.stock_items WHERE sku = 'LOCKED-A' FOR UPDATE", locker, lockHeld))
            {
                await select.ExecuteScalarAsync();
            }

            var clock = Stopwatch.StartNew();
            var errors = await Host.DeliverGroupAsync(group, InventoryModule.Name);

            // The fixture's lock wait is 30 s: a group that waited for the row (and held FREE-B and FREE-C meanwhile) takes that long.
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
            errors[0].ShouldBeNull();
            errors[1].ShouldNotBeNull().Message.ShouldContain(LeftOut);
            errors[2].ShouldBeNull();
            (await StockOfAsync("FREE-B")).Reserved.ShouldBe(1);
            (await StockOfAsync("FREE-C")).Reserved.ShouldBe(1, "the left-out order's FREE-C line is not reserved without its LOCKED-A line");
            (await ReservationsOfAsync(group[1].OrderId)).ShouldBeEmpty();
            await lockHeld.RollbackAsync();
        }

        (await Host.DeliverGroupAsync([group[1]], InventoryModule.Name)).ShouldAllBe(e => e == null);
        (await StockOfAsync("LOCKED-A")).Reserved.ShouldBe(1);
        (await StockOfAsync("FREE-C")).Reserved.ShouldBe(2);
    }
}
