using System.Text.Json;

namespace OrderManagement.BuildingBlocks.Messaging;

internal sealed record OutboxEnvelope(
    Guid Id,
    Guid MessageId,
    string Consumer,
    string Type,
    string Payload,
    int Attempts,
    string? CorrelationId,
    string? TraceParent)
{
    // The order a message is about: every message of the order's life names it as "orderId" (the console and the dead
    // letters find messages by it too). Read only where a log line needs it, so deliveries do not parse payloads.
    public Guid? AboutOrder => Guid.TryParse(OrderId, out var id) ? id : null;

    public string OrderId
    {
        get
        {
            try
            {
                using var payload = JsonDocument.Parse(Payload);
                return payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty("orderId", out var id)
                    ? id.ToString()
                    : "none";
            }
            catch (JsonException)
            {
                return "none";
            }
        }
    }
}
