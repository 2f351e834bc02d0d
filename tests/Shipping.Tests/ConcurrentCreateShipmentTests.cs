using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;

namespace OrderManagement.Shipping.Tests;

// The saga may send CreateShipment again before the first is handled (a deadline), so copies can arrive together:
// each is handled without an error, and the order still gets one shipment.
public sealed class ConcurrentCreateShipmentTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    private const int Copies = 8;

    [Fact]
    public async Task Given_copies_of_CreateShipment_for_one_order_When_delivered_at_once_Then_none_fails_and_one_shipment_is_created()
    {
        for (var round = 0; round < 3; round++)
        {
            var orderId = Guid.NewGuid();

            await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => Task.Run(() => CreateAsync(orderId))));

            var answers = await UntilReceivedAsync<ShipmentCreated>(m => m.OrderId == orderId, count: Copies);
            answers.Select(a => a.ShipmentId).Distinct().ShouldHaveSingleItem();
            var count = await Host.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Shipments.CountAsync(s => s.OrderId == orderId));
            count.ShouldBe(1);
        }
    }
}
