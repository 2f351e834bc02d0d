using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Ordering.Orders;

// Cancelling some lines before they ship (docs/adr/0021). The order's Lines hold the units still ordered (Quantity and
// LineTotal drop when a cancellation is Cancelled) and Total follows, so a v1 client reads what it will pay for.
internal sealed partial class Order
{
    public List<LineCancellation> LineCancellations { get; private init; } = [];

    public int CancelledQuantity(string sku) =>
        LineCancellations.Where(c => c.Status == LineCancellationStatus.Cancelled).SelectMany(c => c.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);

    public bool HasCancelledLines => LineCancellations.Any(c => c.Status == LineCancellationStatus.Cancelled);

    // Units of the SKU that a new line cancellation may still take: not in a shipment Ordering has heard of (carved out or
    // left) and not in a cancellation Shipping has yet to decide. Shipping has the last word (it may have news Ordering
    // has not heard yet).
    public int CancellableUnits(string sku) =>
        Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity)
        - Shipments.Where(s => s.Status != Shipping.Contracts.ShipmentStatus.Cancelled).SelectMany(s => s.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity)
        - LineCancellations.Where(c => c.Status == LineCancellationStatus.Requested).SelectMany(c => c.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);

    public int UnitsAfterRequestedCancellations =>
        Lines.Sum(l => l.Quantity) - LineCancellations.Where(c => c.Status == LineCancellationStatus.Requested).Sum(c => c.Lines.Sum(l => l.Quantity));

    public LineCancellation RequestLineCancellation(IReadOnlyList<CancelledUnits> lines, string reason, string actor, DateTimeOffset now, IHistoryLog history)
    {
        var cancellation = new LineCancellation
        {
            CancellationId = Guid.CreateVersion7(),
            Status = LineCancellationStatus.Requested,
            Lines = [.. lines],
            Reason = reason,
            RequestedBy = actor,
            RequestedAt = now,
            Amount = lines.Sum(l => Lines.First(o => o.Sku == l.Sku).UnitPrice * l.Quantity),
        };
        LineCancellations.Add(cancellation);
        history.Record(Id, "Order", Id, "LineCancellationRequested", Status.ToString(), Status.ToString(),
            $"{Describe(lines)} by {actor}: {reason} (cancellation {cancellation.CancellationId})");
        Touch(now);
        return cancellation;
    }

    // Shipping took the units off: the lines and total follow. Answers null for a cancellation already decided (a
    // repeated report).
    public LineCancellation? LinesCancelled(Guid cancellationId, DateTimeOffset now, IHistoryLog history)
    {
        if (LineCancellations.FirstOrDefault(c => c.CancellationId == cancellationId) is not { Status: LineCancellationStatus.Requested } cancellation)
        {
            return null;
        }

        var before = Total;
        for (var i = 0; i < Lines.Count; i++)
        {
            var units = cancellation.Lines.Where(l => l.Sku == Lines[i].Sku).Sum(l => l.Quantity);
            var quantity = Math.Max(Lines[i].Quantity - units, 0);
            Lines[i] = Lines[i] with { Quantity = quantity, LineTotal = Lines[i].UnitPrice * quantity };
        }

        Total = Lines.Sum(l => l.LineTotal);
        cancellation.Status = LineCancellationStatus.Cancelled;
        cancellation.DecidedAt = now;
        history.Record(Id, "Order", Id, "LinesCancelled", Status.ToString(), Status.ToString(),
            $"{Describe(cancellation.Lines)}: total {before} -> {Total} {Currency} (cancellation {cancellationId})");
        Touch(now);
        return cancellation;
    }

    public bool LineCancellationRefused(Guid cancellationId, string reason, DateTimeOffset now, IHistoryLog history)
    {
        if (LineCancellations.FirstOrDefault(c => c.CancellationId == cancellationId) is not { Status: LineCancellationStatus.Requested } cancellation)
        {
            return false;
        }

        cancellation.Status = LineCancellationStatus.Refused;
        cancellation.DecidedAt = now;
        cancellation.RefusalReason = reason;
        history.Record(Id, "Order", Id, "LineCancellationRefused", Status.ToString(), Status.ToString(), $"{reason} (cancellation {cancellationId})");
        Touch(now);
        return true;
    }

    private static string Describe(IEnumerable<CancelledUnits> lines) => string.Join(", ", lines.Select(l => $"{l.Quantity} x {l.Sku}"));
}
