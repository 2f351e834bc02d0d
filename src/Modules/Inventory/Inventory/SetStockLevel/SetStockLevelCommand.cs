using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.SetStockLevel;

internal sealed record SetStockLevelCommand(string Sku, int? OnHand) : ICommand<StockLevel>;

internal sealed record SetStockLevelRequest(int? OnHand);
