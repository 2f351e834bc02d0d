using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.Inventory.ReleaseStock;

internal sealed record ReleaseStockCommand(Guid OrderId) : ICommand<MediatR.Unit>;
