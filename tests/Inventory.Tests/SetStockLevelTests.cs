using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;

namespace OrderManagement.Inventory.Tests;

public sealed class SetStockLevelTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_new_sku_When_its_stock_is_set_Then_it_has_that_on_hand_and_nothing_reserved()
    {
        var level = await SetStockAsync("TSHIRT-RED-M", 120);

        level.ShouldBe(new(Sku: "TSHIRT-RED-M", OnHand: 120, Reserved: 0, Available: 120));
        (await StockOfAsync("TSHIRT-RED-M")).ShouldBe(level);
    }

    [Fact]
    public async Task Given_a_known_sku_When_its_stock_is_set_again_Then_on_hand_is_replaced()
    {
        await SetStockAsync("MUG-01", 10);

        var level = await SetStockAsync("MUG-01", 35);

        level.OnHand.ShouldBe(35);
        (await StockOfAsync("MUG-01")).OnHand.ShouldBe(35);
    }

    [Fact]
    public async Task Given_reserved_units_When_on_hand_is_set_above_them_Then_available_is_on_hand_minus_reserved()
    {
        await SetStockAsync("CAP-01", 10);
        await ReserveAsync(Guid.NewGuid(), ("CAP-01", 4));

        var level = await SetStockAsync("CAP-01", 6);

        level.ShouldBe(new(Sku: "CAP-01", OnHand: 6, Reserved: 4, Available: 2));
    }

    [Fact]
    public async Task Given_reserved_units_When_on_hand_is_set_below_them_Then_it_is_a_conflict_and_nothing_changes()
    {
        await SetStockAsync("CAP-01", 10);
        await ReserveAsync(Guid.NewGuid(), ("CAP-01", 5));

        var conflict = await Should.ThrowAsync<ConflictException>(() => SetStockAsync("CAP-01", 4));

        conflict.Code.ShouldBe("stock-below-reserved");
        (await StockOfAsync("CAP-01")).ShouldBe(new(Sku: "CAP-01", OnHand: 10, Reserved: 5, Available: 5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ÜMLAUT")]
    [InlineData("slash/sku")]
    [InlineData("A1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Given_an_invalid_sku_When_its_stock_is_set_Then_it_is_a_validation_error_on_sku(string sku)
    {
        var invalid = await Should.ThrowAsync<RequestValidationException>(() => SetStockAsync(sku, 5));

        invalid.Errors.Keys.ShouldBe(["sku"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(1_000_000_001)]
    public async Task Given_an_invalid_on_hand_When_stock_is_set_Then_it_is_a_validation_error_on_on_hand_and_nothing_is_stored(int? onHand)
    {
        var invalid = await Should.ThrowAsync<RequestValidationException>(() => SetStockAsync("MUG-01", onHand));

        invalid.Errors.Keys.ShouldBe(["onHand"]);
        await Should.ThrowAsync<NotFoundException>(() => StockOfAsync("MUG-01"));
    }

    [Fact]
    public async Task Given_an_unknown_sku_When_its_stock_is_read_Then_it_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => StockOfAsync("NOPE-404"));
    }
}
