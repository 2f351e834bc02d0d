using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// The views carry statuses as strings; this lists the contract's spellings on them and on the status filters.
internal sealed class ContractEnums : IOpenApiDocumentTransformer
{
    public static readonly string[] OrderStatuses = ["Pending", "Confirmed", "Shipped", "Delivered", "Cancelled", "Rejected"];
    public static readonly string[] RejectionReasons = ["OutOfStock", "PaymentDeclined", "PaymentFailed", "RejectedInReview"];
    public static readonly string[] PaymentStatuses = ["Pending", "Authorized", "PartiallyCaptured", "Captured", "Declined", "Failed", "Voided", "Refunded"];
    public static readonly string[] ShipmentStatuses = ["ReadyToShip", "Dispatched", "Delivered", "Cancelled"];
    public static readonly string[] SagaStatuses = ["Running", "Completed", "Compensating", "Compensated", "Failed"];
    public static readonly string[] Modules = ["Ordering", "Inventory", "Payments", "Shipping"];

    private static readonly (string Schema, string Property, string[] Values)[] Properties =
    [
        ("OrderView", "status", OrderStatuses),
        ("OrderView", "rejectionReason", RejectionReasons),
        ("OrderView", "paymentStatus", PaymentStatuses),
        ("OrderView", "shipmentStatus", ShipmentStatuses),
        ("PaymentView", "status", PaymentStatuses),
        ("ShipmentView", "status", ShipmentStatuses),
        ("SagaView", "status", SagaStatuses),
        ("HistoryEntryView", "module", Modules),
        ("LineCancellationView", "status", ["Requested", "Cancelled", "Refused"]),
    ];

    private static readonly (string Path, string[] Values)[] StatusFilters =
    [
        ("/api/v1/orders", OrderStatuses),
        ("/api/v1/ops/sagas", SagaStatuses),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (schemaName, property, values) in Properties)
        {
            if (Lookup(Lookup(document.Components?.Schemas, schemaName)?.Properties, property) is OpenApiSchema schema)
            {
                Restrict(schema, values);
            }
        }

        foreach (var (path, values) in StatusFilters)
        {
            var parameters = document.Paths.GetValueOrDefault(path)?.Operations?.GetValueOrDefault(HttpMethod.Get)?.Parameters ?? [];
            if (parameters.FirstOrDefault(p => p.Name == "status") is OpenApiParameter { Schema: OpenApiSchema schema } parameter)
            {
                Restrict(schema, values);
                parameter.Description = "Only items in this status (exact spelling); any other value is a 400.";
            }
        }

        return Task.CompletedTask;
    }

    // A nullable property keeps null among its values, so that the schema still accepts it.
    private static void Restrict(OpenApiSchema schema, string[] values)
    {
        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)), .. nullable ? new JsonNode[] { null! } : []];
        schema.Description = (nullable ? "null, or one of: " : "One of: ") + string.Join(", ", values) + ".";
    }

    internal static TValue? Lookup<TValue>(IDictionary<string, TValue>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) ? value : default;
}
