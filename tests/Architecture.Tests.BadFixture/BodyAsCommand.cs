using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.BadFixture;

// Violation: the request body used as the command, so its handler would need `Quantity!.Value`.
internal sealed record BodyAsCommand(string Sku, int? Quantity) : ICommand<int>;
