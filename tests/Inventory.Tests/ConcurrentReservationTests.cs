using OrderManagement.Inventory.Contracts;

namespace OrderManagement.Inventory.Tests;

// Many orders racing for the last units: the guarded update must let exactly as many through as there are units.
public sealed class ConcurrentReservationTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    private const int OnHand = 20;
    private const int Orders = 50;

    [Fact]
    public async Task Given_20_units_When_50_orders_of_one_unit_reserve_at_once_Then_exactly_20_are_reserved_and_30_rejected()
    {
        await SetStockAsync("HOT-ITEM", OnHand);
        var orderIds = Enumerable.Range(0, Orders).Select(_ => Guid.NewGuid()).ToList();
        using var stop = new CancellationTokenSource();
        var sampler = SampleReservedAsync("HOT-ITEM", stop.Token);

        await Task.WhenAll(orderIds.Select(id => Task.Run(() => ReserveAsync(id, ("HOT-ITEM", 1)))));
        await stop.CancelAsync();
        var samples = await sampler;

        var reserved = await UntilReceivedAsync<StockReserved>(m => orderIds.Contains(m.OrderId), count: OnHand);
        var rejected = await UntilReceivedAsync<StockReservationRejected>(m => orderIds.Contains(m.OrderId), count: Orders - OnHand);
        reserved.Select(m => m.OrderId).Concat(rejected.Select(m => m.OrderId)).ShouldBe(orderIds, ignoreOrder: true);
        (await StockOfAsync("HOT-ITEM")).ShouldBe(new(Sku: "HOT-ITEM", OnHand: OnHand, Reserved: OnHand, Available: 0));
        samples.ShouldNotBeEmpty();
        samples.ShouldAllBe(s => s.Reserved >= 0 && s.Reserved <= s.OnHand);
    }

    private async Task<List<(int OnHand, int Reserved)>> SampleReservedAsync(string sku, CancellationToken stop)
    {
        var samples = new List<(int OnHand, int Reserved)>();
        do
        {
            var level = await StockOfAsync(sku);
            samples.Add((level.OnHand, level.Reserved));
            await Task.Yield();
        }
        while (!stop.IsCancellationRequested);

        return samples;
    }
}
