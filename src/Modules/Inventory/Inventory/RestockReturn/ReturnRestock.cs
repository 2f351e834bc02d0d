namespace OrderManagement.Inventory.RestockReturn;

// The record that a return's units went back on hand: its key makes a restock happen once per return.
internal sealed class ReturnRestock
{
    public Guid ReturnId { get; init; }
    public Guid OrderId { get; init; }
    public int Units { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
