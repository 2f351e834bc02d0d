using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.Inventory.CommitStock;

internal sealed record CommitStockCommand(Guid OrderId) : ICommand<MediatR.Unit>;
