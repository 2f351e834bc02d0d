namespace OrderManagement.Inventory.Contracts;

// Units a customer sent back that an operator judged fit to sell again: each line's Quantity (>= 1) goes back to the
// SKU's on-hand stock. Applied at most once per ReturnId (a repeat, even as a new message, is a no-op); no reply.
public sealed record RestockReturn(Guid ReturnId, Guid OrderId, IReadOnlyList<RestockLine> Lines);

public sealed record RestockLine(string Sku, int Quantity);
