using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.SetStockLevel;

// Sku from the route; OnHand from a body SetStockLevelRequestValidator accepted.
internal sealed record SetStockLevelCommand(string Sku, int OnHand) : ICommand<StockLevel>;

// The body as sent: OnHand nullable so that a missing one is a 400 (SetStockLevelRequestValidator), not a binder error.
internal sealed record SetStockLevelRequest(int? OnHand)
{
    public SetStockLevelCommand ToCommand(string sku) => new(sku, Validated.Value(OnHand));
}
