namespace OrderManagement.Ordering.Webhooks;

// The one list of order events a storefront can subscribe to: the order-history event that causes each and the type
// it is sent under (Standard Webhooks' "type", dotted and lower case). A new event (return requested, refunded, hold)
// is one line here, the day the order records it in its history.
internal static class WebhookEventTypes
{
    private static readonly Dictionary<string, string> ByHistoryEvent = new(StringComparer.Ordinal)
    {
        ["OrderPlaced"] = "order.placed",
        ["OrderConfirmed"] = "order.confirmed",
        ["OrderRejected"] = "order.rejected",
        ["OrderCancelled"] = "order.cancelled",
        ["OrderPartiallyShipped"] = "order.partially_shipped", // one per shipment that leaves units behind (docs/adr/0019)
        ["OrderShipped"] = "order.shipped",
        ["OrderDelivered"] = "order.delivered",
        ["ReturnRequested"] = "return.requested",
        ["ReturnReceived"] = "return.received",
        ["ReturnRejected"] = "return.rejected",
        ["RefundIssued"] = "refunded",
        ["OrderHeld"] = "order.hold",
        ["LinesCancelled"] = "order.lines_cancelled", // a line cancellation took units off the order (docs/adr/0021)
        ["LineCancellationRefused"] = "order.lines_cancellation_refused",
    };

    public static IReadOnlyCollection<string> All { get; } = [.. ByHistoryEvent.Values];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    public static string? ForHistoryEvent(string subject, string historyEvent) =>
        subject is "Order" or "Return" && ByHistoryEvent.TryGetValue(historyEvent, out var type) ? type : null;
}
