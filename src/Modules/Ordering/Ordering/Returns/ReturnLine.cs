namespace OrderManagement.Ordering.Returns;

// Quantity: units the customer sends back; UnitPrice: what the order charged for one. ReceivedQuantity and Restock are
// set when the return is received (null before): units that arrived, and whether they went back to stock.
internal sealed record ReturnLine(string Sku, int Quantity, decimal UnitPrice, int? ReceivedQuantity = null, bool? Restock = null)
{
    public decimal RefundAmount => (ReceivedQuantity ?? 0) * UnitPrice;
}
