using Microsoft.EntityFrameworkCore;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Returns;

// Returnable units of a line = delivered minus those already asked for in the order's returns that are not Rejected.
internal static class ReturnableUnits
{
    // A Delivered order delivered every unit of every line: its one shipment carried them all.
    public static int Delivered(Order order, OrderLine line) => order.Status == OrderStatus.Delivered ? line.Quantity : 0;

    public static async Task<Dictionary<string, int>> TakenAsync(OrderingDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        var returns = await db.Returns.AsNoTracking()
            .Where(r => r.OrderId == orderId && r.Status != ReturnStatus.Rejected)
            .ToListAsync(cancellationToken);
        return returns.SelectMany(r => r.Lines).GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
    }
}
