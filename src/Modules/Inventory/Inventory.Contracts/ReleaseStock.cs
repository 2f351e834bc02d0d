namespace OrderManagement.Inventory.Contracts;

// Give back an order's reservation; answered by StockReleased (also when nothing was held).
public sealed record ReleaseStock(Guid OrderId);
