namespace OrderManagement.Inventory.Stock;

// On-hand and reserved units of one SKU. Reserved changes only through guarded set-based updates,
// so concurrent reservations can never push reserved above on-hand.
internal sealed class StockItem
{
    public required string Sku { get; init; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
