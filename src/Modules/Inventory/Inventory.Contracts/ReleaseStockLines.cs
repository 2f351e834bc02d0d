namespace OrderManagement.Inventory.Contracts;

/// <summary>
/// Some units of an order were cancelled before they shipped (docs/adr/0021): give those units of its reservation
/// back. <paramref name="Lines"/>: SKU and units, each at most what the order still has reserved and not committed.
/// Applied at most once per <paramref name="CancellationId"/>; a reservation no longer Reserved (the whole order was
/// cancelled meanwhile) is left as it is. No reply: the order's history shows <c>StockPartlyReleased</c>.
/// </summary>
public sealed record ReleaseStockLines(Guid OrderId, Guid CancellationId, IReadOnlyList<StockLine> Lines);
