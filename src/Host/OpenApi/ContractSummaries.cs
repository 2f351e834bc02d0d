using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// One line per operation, as Swagger UI lists them; the texts follow shared/api-contract.md.
internal sealed class ContractSummaries : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Summaries = new()
    {
        ["put /api/v1/inventory/{sku}"] = "Set the on-hand stock of a SKU",
        ["get /api/v1/inventory/{sku}"] = "Read the stock level of a SKU",
        ["post /api/v1/orders"] = "Place an order (fulfilment runs after the 202)",
        ["get /api/v1/orders"] = "List orders, newest first, by customer and status",
        ["get /api/v1/orders/{orderId}"] = "Read an order (If-None-Match gives 304 while unchanged)",
        ["post /api/v1/orders/{orderId}/cancel"] = "Cancel an order that is Pending or Confirmed",
        ["post /api/v1/orders/{orderId}/lines/cancel"] = "Cancel some units of a Confirmed order before they ship (202; Shipping decides, then stock is released and the authorization reduced)",
        ["get /api/v1/orders/{orderId}/history"] = "Every state change of an order, its reservation, payment and shipment",
        ["post /api/v1/orders/{orderId}/returns"] = "Return delivered units of an order, with a reason (each unit at most once)",
        ["get /api/v1/orders/{orderId}/returns"] = "List the returns of an order, oldest first",
        ["get /api/v1/returns/{returnId}"] = "Read a return",
        ["post /api/v1/returns/{returnId}/receive"] = "Record the units that arrived and which go back to stock; refunds them (received units x unit price)",
        ["post /api/v1/returns/{returnId}/reject"] = "Reject a requested return, with a reason (nothing is refunded; its units may be returned again)",
        ["post /api/v1/orders/{orderId}/shipments"] = "Carve units not yet shipped out of a Confirmed order's shipment into a shipment of their own (partial shipment; its dispatch captures its lines)",
        ["get /api/v1/shipments/{shipmentId}"] = "Read a shipment",
        ["post /api/v1/shipments/{shipmentId}/dispatch"] = "Hand a ready shipment to the carrier (captures the payment for its lines)",
        ["post /api/v1/shipments/{shipmentId}/deliver"] = "Record that a dispatched shipment was delivered",
        ["get /api/v1/payments/{paymentId}"] = "Read a payment",
        ["get /api/v1/ops/sagas"] = "List fulfilment sagas by status or time stuck",
        ["get /api/v1/ops/sagas/{orderId}"] = "Read the fulfilment saga of an order",
        ["post /api/v1/ops/sagas/{orderId}/retry"] = "Resume a failed or waiting saga at its current step",
        ["get /api/v1/ops/dead-letters"] = "List dead-lettered messages",
        ["post /api/v1/ops/dead-letters/{id}/replay"] = "Deliver a dead-lettered message again",
        ["post /api/v1/webhooks"] = "Subscribe a URL to order events, signed as Standard Webhooks says (the secret is shown only in this answer)",
        ["get /api/v1/webhooks"] = "List the webhook subscriptions of this API key (an operator key: every one)",
        ["get /api/v1/webhooks/{webhookId}"] = "Read a webhook subscription",
        ["delete /api/v1/webhooks/{webhookId}"] = "Delete a webhook subscription and its delivery log",
        ["get /api/v1/webhooks/{webhookId}/deliveries"] = "The delivery log of a subscription, newest first: attempts, last status code, duration, error, next attempt",
        ["post /api/v1/webhooks/{webhookId}/replay"] = "Send every dead-lettered delivery of a subscription again (later events of their orders follow in order)",
        ["get /health/live"] = "Liveness: the process is up",
        ["get /health/ready"] = "Readiness: the database is reachable, writable and migrated and every module's messages move (503 with the reason per check otherwise)",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (Summaries.TryGetValue($"{method.Method.ToLowerInvariant()} {path}", out var summary))
                {
                    operation.Summary ??= summary;
                }
            }
        }

        return Task.CompletedTask;
    }
}
