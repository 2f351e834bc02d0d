using System.Text.Json;

namespace OrderManagement.Ordering.Fulfilment;

internal static class MessagePayloads
{
    // Every contract message about an order carries "orderId"; dead letters keep only the raw payload.
    public static Guid? OrderIdOf(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("orderId", out var id) && id.TryGetGuid(out var orderId) ? orderId : null;
    }
}
