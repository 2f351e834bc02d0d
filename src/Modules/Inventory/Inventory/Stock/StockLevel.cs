namespace OrderManagement.Inventory.Stock;

internal sealed record StockLevel(string Sku, int OnHand, int Reserved, int Available)
{
    public static StockLevel From(StockItem item) => new(item.Sku, item.OnHand, item.Reserved, item.OnHand - item.Reserved);
}
