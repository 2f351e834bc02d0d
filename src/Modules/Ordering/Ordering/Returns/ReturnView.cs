namespace OrderManagement.Ordering.Returns;

// The Return resource: every field always present, null when it has no value. Amounts in the order's currency.
internal sealed record ReturnView(
    Guid ReturnId,
    Guid OrderId,
    ReturnStatus Status,
    string Reason,
    string? RejectionReason,
    IReadOnlyList<ReturnLineView> Lines,
    decimal? RefundAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ReturnView From(Return @return) => new(
        @return.Id,
        @return.OrderId,
        @return.Status,
        @return.Reason,
        @return.RejectionReason,
        @return.Lines.Select(l => new ReturnLineView(l.Sku, l.Quantity, l.UnitPrice, l.ReceivedQuantity, l.Restock)).ToList(),
        @return.RefundAmount,
        @return.CreatedAt,
        @return.UpdatedAt);
}

internal sealed record ReturnLineView(string Sku, int Quantity, decimal UnitPrice, int? ReceivedQuantity, bool? Restock);

internal sealed record OrderReturnsView(Guid OrderId, IReadOnlyList<ReturnView> Items);
