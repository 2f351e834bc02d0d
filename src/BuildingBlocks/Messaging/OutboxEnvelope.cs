namespace OrderManagement.BuildingBlocks.Messaging;

internal sealed record OutboxEnvelope(
    Guid Id,
    Guid MessageId,
    string Consumer,
    string Type,
    string Payload,
    int Attempts,
    string? CorrelationId,
    string? TraceParent);
