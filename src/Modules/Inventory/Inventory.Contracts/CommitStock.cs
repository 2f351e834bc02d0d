namespace OrderManagement.Inventory.Contracts;

// The order shipped: its reserved units leave on-hand stock.
public sealed record CommitStock(Guid OrderId);
