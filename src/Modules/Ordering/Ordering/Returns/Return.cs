using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Ordering.Returns;

// Units of a delivered order that its customer sends back. Its status changes only through ReturnStateMachine, which
// writes each transition to the order's history (subject "Return").
internal sealed class Return
{
    private Return()
    {
    }

    public Guid Id { get; private init; }
    public Guid OrderId { get; private init; }
    public ReturnStatus Status { get; internal set; }
    public required string Reason { get; init; }
    public string? RejectionReason { get; private set; }
    public List<ReturnLine> Lines { get; private set; } = [];
    public decimal? RefundAmount { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public int Units => Lines.Sum(l => l.Quantity);

    public static Return Request(Guid orderId, string reason, IEnumerable<ReturnLine> lines, string requestedBy, DateTimeOffset now, IHistoryLog history)
    {
        var @return = new Return
        {
            Id = Guid.CreateVersion7(),
            OrderId = orderId,
            Reason = reason,
            Lines = lines.ToList(),
            Status = ReturnStatus.Requested,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        history.Record(orderId, "Return", @return.Id, "ReturnRequested", null, nameof(ReturnStatus.Requested),
            $"{Describe(@return.Lines, l => l.Quantity)} by {requestedBy}: {reason}");
        return @return;
    }

    // received: units that arrived per SKU (a SKU left out arrived with none) and whether they go back to stock. Answers
    // the amount to refund.
    public decimal Receive(IReadOnlyDictionary<string, (int Quantity, bool Restock)> received, DateTimeOffset now, IHistoryLog history)
    {
        var lines = Lines.Select(l => received.TryGetValue(l.Sku, out var r)
            ? l with { ReceivedQuantity = r.Quantity, Restock = r.Restock }
            : l with { ReceivedQuantity = 0, Restock = false }).ToList();
        Fire(ReturnTrigger.Receive, now, history, $"{Describe(lines, l => l.ReceivedQuantity ?? 0)} received, "
            + $"{Describe(lines.Where(l => l.Restock == true), l => l.ReceivedQuantity ?? 0)} back to stock; refund {lines.Sum(l => l.RefundAmount)}");
        Lines = lines;
        var refund = lines.Sum(l => l.RefundAmount);
        RefundAmount = refund;
        return refund;
    }

    public void Reject(string reason, DateTimeOffset now, IHistoryLog history)
    {
        Fire(ReturnTrigger.Reject, now, history, reason);
        RejectionReason = reason;
    }

    public void Refunded(string detail, DateTimeOffset now, IHistoryLog history) => Fire(ReturnTrigger.Refund, now, history, detail);

    private void Fire(ReturnTrigger trigger, DateTimeOffset now, IHistoryLog history, string detail)
    {
        var machine = ReturnStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(OrderId, "Return", Id, ReturnStateMachine.EventOf(t.Trigger),
            t.Source.ToString(), t.Destination.ToString(), detail));
        machine.Fire(trigger);
        UpdatedAt = now;
        Version++;
    }

    private static string Describe(IEnumerable<ReturnLine> lines, Func<ReturnLine, int> units)
    {
        var parts = lines.Where(l => units(l) > 0).Select(l => $"{units(l)} x {l.Sku}").ToList();
        return parts.Count == 0 ? "no units" : string.Join(", ", parts);
    }
}
