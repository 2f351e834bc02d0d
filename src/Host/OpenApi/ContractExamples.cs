using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrderManagement.BuildingBlocks.Web;
using static OrderManagement.Host.OpenApi.ExampleBodies;

namespace OrderManagement.Host.OpenApi;

// Without examples Swagger UI invents bodies from the schemas ("currency":"string", "quantity":0), which our own
// validation rejects. Every request body and every success body gets a real one; every problem gets one with its status.
internal sealed class ContractExamples : IOpenApiDocumentTransformer
{

    private static readonly Dictionary<string, string> Requests = new()
    {
        ["put /api/v1/inventory/{sku}"] = SetStock,
        ["post /api/v1/orders"] = PlaceOrder,
        ["post /api/v1/orders/{orderId}/cancel"] = Cancel,
        ["post /api/v1/orders/{orderId}/lines/cancel"] = CancelLines,
        ["post /api/v1/orders/{orderId}/review/approve"] = ApproveReview,
        ["post /api/v1/orders/{orderId}/review/reject"] = RejectReview,
        ["post /api/v1/shipments/{shipmentId}/dispatch"] = Dispatch,
        ["post /api/v1/orders/{orderId}/shipments"] = SplitShipment,
        ["post /api/v1/ops/sagas/{orderId}/retry"] = OperatorAction,
        ["post /api/v1/ops/dead-letters/{id}/replay"] = OperatorAction,
        ["put /api/v1/ops/settings"] = ChangeSettings,
        ["post /api/v1/webhooks"] = CreateWebhook,
        ["post /api/v1/orders/{orderId}/returns"] = RequestReturn,
        ["post /api/v1/returns/{returnId}/receive"] = ReceiveReturn,
        ["post /api/v1/returns/{returnId}/reject"] = RejectReturn,
    };

    private static readonly Dictionary<string, string> Responses = new()
    {
        ["put /api/v1/inventory/{sku} 200"] = Stock,
        ["get /api/v1/inventory/{sku} 200"] = Stock,
        ["post /api/v1/orders 202"] = Placed,
        ["get /api/v1/orders 200"] = OrderPage,
        ["get /api/v1/orders/{orderId} 200"] = Confirmed,
        ["post /api/v1/orders/{orderId}/cancel 202"] = CancelAccepted,
        ["post /api/v1/orders/{orderId}/cancel 200"] = Cancelled,
        ["post /api/v1/orders/{orderId}/lines/cancel 202"] = LinesCancelRequested,
        ["get /api/v1/orders/{orderId}/history 200"] = History,
        ["post /api/v1/orders/{orderId}/review/approve 200"] = Approved,
        ["post /api/v1/orders/{orderId}/review/reject 200"] = RejectedInReview,
        ["get /api/v1/shipments/{shipmentId} 200"] = Shipment("ReadyToShip", null, null),
        ["post /api/v1/shipments/{shipmentId}/dispatch 202"] = Shipment("Dispatched", "DHL", "JD014600006281"),
        ["post /api/v1/shipments/{shipmentId}/deliver 202"] = Shipment("Delivered", "DHL", "JD014600006281"),
        ["post /api/v1/orders/{orderId}/shipments 201"] = SplitShipmentCreated,
        ["get /api/v1/payments/{paymentId} 200"] = Payment,
        ["get /api/v1/ops/sagas 200"] = SagaPage,
        ["get /api/v1/ops/sagas/{orderId} 200"] = FailedSaga,
        ["post /api/v1/ops/sagas/{orderId}/retry 202"] = RetriedSaga,
        ["get /api/v1/ops/dead-letters 200"] = DeadLetterPage,
        ["post /api/v1/ops/dead-letters/{id}/replay 202"] = ReplayedDeadLetter,
        ["get /api/v1/ops/stalls 200"] = StallPage,
        ["get /api/v1/ops/settings 200"] = Settings,
        ["put /api/v1/ops/settings 200"] = Settings,
        ["post /api/v1/webhooks 201"] = Webhook(WebhookSecret),
        ["get /api/v1/webhooks 200"] = $$"""{"items":[{{Webhook(null)}}]}""",
        ["get /api/v1/webhooks/{webhookId} 200"] = Webhook(null),
        ["get /api/v1/webhooks/{webhookId}/deliveries 200"] = WebhookDeliveryPage,
        ["post /api/v1/webhooks/{webhookId}/replay 200"] = WebhookReplay,
        ["post /api/v1/orders/{orderId}/returns 201"] = ReturnRequested,
        ["get /api/v1/orders/{orderId}/returns 200"] = OrderReturns,
        ["get /api/v1/returns/{returnId} 200"] = ReturnRefunded,
        ["post /api/v1/returns/{returnId}/receive 202"] = ReturnReceived,
        ["post /api/v1/returns/{returnId}/reject 200"] = ReturnRejected,
        ["get /health/ready 200"] = Ready,
        ["get /health/ready 503"] = NotReady,
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var key = $"{method.Method.ToLowerInvariant()} {path}";
                if (Requests.TryGetValue(key, out var request) && OpenApiLookup.Lookup(operation.RequestBody?.Content, "application/json") is { } body)
                {
                    body.Example = Parse(request);
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (Responses.TryGetValue($"{key} {status}", out var success) && OpenApiLookup.Lookup(response.Content, "application/json") is { } json)
                    {
                        json.Example = Parse(success);
                    }

                    if (OpenApiLookup.Lookup(response.Content, ProblemResponse.ContentType) is { } problemBody
                        && ProblemExamples.For(method.Method.ToLowerInvariant(), path, status) is { } problem)
                    {
                        problemBody.Example = problem;
                    }
                }
            }
        }

        return Task.CompletedTask;
    }
}
