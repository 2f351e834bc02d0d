using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.GetShipment;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;
using OrderManagement.Shipping.SplitShipment;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

// Partial shipments (docs/adr/0019): units are carved out of the order's remainder (the saga's shipment) into shipments
// of their own, each dispatched with its own lines.
public sealed class SplitShipmentTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    private readonly FakeOrderStatusQueries _orders = fixture.Orders;

    private FakeOrderStatusQueries Orders => _orders;

    [Fact]
    public async Task Given_a_confirmed_order_When_units_are_carved_out_Then_a_new_shipment_holds_them_and_the_remainder_the_rest()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);

        var carved = await SplitAsync(orderId, ("TSHIRT-RED-M", 1));

        carved.Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 1)]);
        (carved.OrderId, carved.Status).ShouldBe((orderId, ShipmentStatus.ReadyToShip));
        (await ShipmentAsync(remainderId)).Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 1), new ShipmentLineItem("MUG-01", 1)]);
        (await UntilReceivedAsync<ShipmentSplit>(m => m.OrderId == orderId)).Single()
            .ShouldBe(new ShipmentSplit(orderId, carved.ShipmentId, remainderId, [new ShipmentLine("TSHIRT-RED-M", 1)], false), new SplitComparer());
    }

    [Fact]
    public async Task Given_two_shipments_When_each_is_dispatched_Then_each_reports_its_own_lines()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);
        var carved = await SplitAsync(orderId, ("MUG-01", 1), ("TSHIRT-RED-M", 1));

        await DispatchAsync(carved.ShipmentId);
        await DispatchAsync(remainderId, trackingNumber: "JD0146000099999");

        var dispatched = await UntilReceivedAsync<ShipmentDispatched>(m => m.OrderId == orderId, count: 2);
        dispatched.Single(d => d.ShipmentId == carved.ShipmentId).Lines!.ShouldBe([new ShipmentLine("MUG-01", 1), new ShipmentLine("TSHIRT-RED-M", 1)]);
        dispatched.Single(d => d.ShipmentId == remainderId).Lines!.ShouldBe([new ShipmentLine("TSHIRT-RED-M", 1)]);
    }

    [Fact]
    public async Task Given_every_unit_carved_out_When_the_remainder_is_empty_Then_it_is_Cancelled_and_cannot_be_dispatched()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);

        await SplitAsync(orderId, ("TSHIRT-RED-M", 2), ("MUG-01", 1));

        (await ShipmentAsync(remainderId)).Status.ShouldBe(ShipmentStatus.Cancelled);
        (await UntilReceivedAsync<ShipmentSplit>(m => m.OrderId == orderId)).Single().RemainderEmptied.ShouldBeTrue();
        (await Should.ThrowAsync<ConflictException>(() => DispatchAsync(remainderId))).Code.ShouldBe("shipment-not-ready");
    }

    [Fact]
    public async Task Given_more_units_than_are_left_unshipped_When_they_are_carved_out_Then_409_and_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);
        await SplitAsync(orderId, ("TSHIRT-RED-M", 1));

        var refused = await Should.ThrowAsync<ConflictException>(() => SplitAsync(orderId, ("TSHIRT-RED-M", 2)));

        refused.Code.ShouldBe("quantity-exceeds-unshipped");
        (await ShipmentAsync(remainderId)).Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 1), new ShipmentLineItem("MUG-01", 1)]);
        (await ShipmentsOfAsync(orderId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_dispatched_remainder_When_units_are_carved_out_Then_409_nothing_left_to_ship()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);
        await DispatchAsync(remainderId);

        (await Should.ThrowAsync<ConflictException>(() => SplitAsync(orderId, ("MUG-01", 1)))).Code.ShouldBe("nothing-left-to-ship");
        (await ShipmentsOfAsync(orderId)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(OrderStatus.Pending, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Confirmed, true)]
    public async Task Given_an_order_that_is_not_confirmed_or_is_being_cancelled_When_units_are_carved_out_Then_409_and_nothing_changes(
        OrderStatus status, bool cancellationRequested)
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, status, cancellationRequested);
        await CreatedShipmentAsync(orderId);

        (await Should.ThrowAsync<ConflictException>(() => SplitAsync(orderId, ("MUG-01", 1)))).Code.ShouldBe("order-not-shippable");
        (await ShipmentsOfAsync(orderId)).ShouldHaveSingleItem().Lines.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_an_unknown_order_or_a_sku_not_on_the_order_When_units_are_carved_out_Then_404()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        await CreatedShipmentAsync(orderId);

        (await Should.ThrowAsync<NotFoundException>(() => SplitAsync(Guid.NewGuid(), ("MUG-01", 1)))).Resource.ShouldBe("Order");
        await Should.ThrowAsync<NotFoundException>(() => SplitAsync(orderId, ("MUG-99", 1)));
        (await ShipmentsOfAsync(orderId)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("""{"lines":[]}""", "lines")]
    [InlineData("""{"lines":[{"sku":"MUG-01","quantity":0}]}""", "lines[0].quantity")]
    [InlineData("""{"lines":[{"quantity":1}]}""", "lines[0].sku")]
    [InlineData("""{"lines":[{"sku":"MUG-01","quantity":1},{"sku":"MUG-01","quantity":1}]}""", "lines")]
    public async Task Given_an_invalid_body_When_it_is_validated_Then_the_field_is_named(string json, string field)
    {
        var body = System.Text.Json.JsonSerializer.Deserialize<SplitShipmentRequest>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        var refused = await Should.ThrowAsync<RequestValidationException>(() => Host.SendRequestAsync(body, b => b.ToCommand(Guid.NewGuid())));

        refused.Errors.Keys.ShouldContain(field);
    }

    [Fact]
    public async Task Given_an_order_with_a_carved_out_shipment_When_it_is_cancelled_before_any_left_Then_every_shipment_is_Cancelled()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);
        var carved = await SplitAsync(orderId, ("MUG-01", 1));

        await CancelAsync(orderId);

        (await UntilReceivedAsync<ShipmentCancelled>(m => m.OrderId == orderId)).Single().ShipmentId.ShouldBe(remainderId);
        (await ShipmentAsync(carved.ShipmentId)).Status.ShouldBe(ShipmentStatus.Cancelled);
        (await ShipmentAsync(remainderId)).Status.ShouldBe(ShipmentStatus.Cancelled);
    }

    [Fact]
    public async Task Given_a_carved_out_shipment_that_left_When_the_order_is_cancelled_Then_the_cancellation_is_refused_and_the_remainder_stays()
    {
        var orderId = Guid.NewGuid();
        Orders.Set(orderId, OrderStatus.Confirmed);
        var remainderId = await CreatedShipmentAsync(orderId);
        var carved = await SplitAsync(orderId, ("MUG-01", 1));
        await DispatchAsync(carved.ShipmentId);

        await CancelAsync(orderId);

        (await UntilReceivedAsync<ShipmentCancellationRefused>(m => m.OrderId == orderId)).Single().ShipmentId.ShouldBe(carved.ShipmentId);
        (await ShipmentAsync(remainderId)).Status.ShouldBe(ShipmentStatus.ReadyToShip);
    }

    private Task<ShipmentView> SplitAsync(Guid orderId, params (string Sku, int Quantity)[] lines) =>
        Host.SendRequestAsync(new SplitShipmentRequest([.. lines.Select(l => new SplitShipmentLine(l.Sku, l.Quantity))]), b => b.ToCommand(orderId));

    private Task<List<Shipment>> ShipmentsOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Shipments.AsNoTracking().Where(s => s.OrderId == orderId).ToListAsync());

    // ShipmentSplit holds a list, which records compare by reference.
    private sealed class SplitComparer : IEqualityComparer<ShipmentSplit>
    {
        public bool Equals(ShipmentSplit? x, ShipmentSplit? y) =>
            x is not null && y is not null && (x.OrderId, x.ShipmentId, x.RemainderId, x.RemainderEmptied) == (y.OrderId, y.ShipmentId, y.RemainderId, y.RemainderEmptied)
            && x.Lines.SequenceEqual(y.Lines);

        public int GetHashCode(ShipmentSplit obj) => obj.ShipmentId.GetHashCode();
    }
}
