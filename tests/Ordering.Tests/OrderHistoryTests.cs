using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class OrderHistoryTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    // No transaction this old can have ended: an entry recorded by it is not shown yet.
    private const long StillRunning = long.MaxValue;

    private const string InventoryTrace = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task Given_entries_in_other_modules_When_the_history_is_read_Then_they_are_merged_by_recording_transaction_and_numbered_from_1()
    {
        var placedAt = Clock.GetUtcNow();
        var orderId = await PlacedOrderAsync();
        Clock.Advance(TimeSpan.FromSeconds(2));
        await StockReservedAsync(orderId);
        var transactions = await OrderingTransactionsAsync(orderId);
        transactions.Count.ShouldBe(2); // placed; stock reserved, with the review (off) passed in the same transaction (ADR 0025)
        Histories.Set(orderId, new InventoryHistoryEntry(transactions[0], placedAt.AddSeconds(1), "StockReserved", null, "Reserved", "TSHIRT-RED-M x2, MUG-01 x1", InventoryTrace));
        Histories.Set(orderId, new ShippingHistoryEntry(transactions[0], placedAt.AddSeconds(2.5), "ShipmentNoted", null, "None", null, null));
        Histories.Set(orderId, new PaymentHistoryEntry(StillRunning, placedAt.AddSeconds(3), "PaymentStarted", null, "Pending", "45.48 EUR", null));

        var history = await HistoryAsync(orderId);

        history.OrderId.ShouldBe(orderId);
        history.Entries.Select(e => (e.Sequence, e.Module, e.Event, e.ToState)).ShouldBe(
        [
            (1, ModuleName.Ordering, "OrderPlaced", "Pending"),
            (2, ModuleName.Ordering, "StepStarted", "ReserveStock"),
            (3, ModuleName.Inventory, "StockReserved", "Reserved"),
            (4, ModuleName.Shipping, "ShipmentNoted", "None"),
            (5, ModuleName.Ordering, "StepStarted", "ReviewOrder"),
            (6, ModuleName.Ordering, "StepStarted", "AuthorizePayment"),
        ]);
        history.Entries.Select(e => e.OccurredAt).ShouldBe(
            [placedAt, placedAt, placedAt.AddSeconds(1), placedAt.AddSeconds(2.5), placedAt.AddSeconds(2), placedAt.AddSeconds(2)]);
        history.Entries[2].Detail.ShouldBe("TSHIRT-RED-M x2, MUG-01 x1");
        history.Entries[2].TraceId.ShouldBe(InventoryTrace);
    }

    [Fact]
    public async Task Given_an_entry_of_a_transaction_still_running_When_it_ends_Then_it_is_numbered_after_every_entry_already_shown()
    {
        var placedAt = Clock.GetUtcNow();
        var orderId = await PlacedOrderAsync();
        var transactions = await OrderingTransactionsAsync(orderId);
        Histories.Set(orderId, new PaymentHistoryEntry(StillRunning, placedAt.AddSeconds(-1), "PaymentStarted", null, "Pending", "45.48 EUR", null));
        var before = await HistoryAsync(orderId);
        Histories.Set(orderId, new PaymentHistoryEntry(transactions[^1] + 1, placedAt.AddSeconds(-1), "PaymentStarted", null, "Pending", "45.48 EUR", null));

        var after = await HistoryAsync(orderId);

        before.Entries.ShouldNotContain(e => e.Module == ModuleName.Payments);
        after.Entries.Take(before.Entries.Count).ShouldBe(before.Entries);
        after.Entries[^1].ShouldBe(new HistoryEntryView(before.Entries.Count + 1, placedAt.AddSeconds(-1), ModuleName.Payments, "PaymentStarted", null, "Pending", "45.48 EUR", null));
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_its_history_is_read_Then_Ordering_recorded_every_state_change_of_the_order_and_its_saga()
    {
        var confirmed = await ConfirmedOrderAsync();

        var history = await HistoryAsync(confirmed.OrderId);

        history.Entries.Select(e => (e.Event, e.FromState, e.ToState)).ShouldBe(
        [
            ("OrderPlaced", null, "Pending"),
            ("StepStarted", "None", "ReserveStock"),
            ("StepStarted", "ReserveStock", "ReviewOrder"),
            ("StepStarted", "ReviewOrder", "AuthorizePayment"),
            ("StepStarted", "AuthorizePayment", "CreateShipment"),
            ("OrderConfirmed", "Pending", "Confirmed"),
            ("SagaCompleted", "Running", "Completed"),
        ]);
        history.Entries.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        history.Entries[0].Detail.ShouldBe("45.48 EUR");
    }

    [Fact]
    public async Task Given_an_unknown_order_When_its_history_is_read_Then_it_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => HistoryAsync(Guid.NewGuid()));
    }

    private Task<List<long>> OrderingTransactionsAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<OrderingDbContext>().History.AsNoTracking()
            .Where(h => h.OrderId == orderId).Select(h => h.TransactionId).Distinct().OrderBy(t => t).ToListAsync());
}
