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
        ["post /api/v1/shipments/{shipmentId}/dispatch"] = Dispatch,
        ["post /api/v1/ops/sagas/{orderId}/retry"] = OperatorAction,
        ["post /api/v1/ops/dead-letters/{id}/replay"] = OperatorAction,
        ["put /api/v1/ops/settings"] = ChangeSettings,
        ["post /api/v1/webhooks"] = CreateWebhook,
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
        ["get /api/v1/orders/{orderId}/history 200"] = History,
        ["get /api/v1/shipments/{shipmentId} 200"] = Shipment("ReadyToShip", null, null),
        ["post /api/v1/shipments/{shipmentId}/dispatch 202"] = Shipment("Dispatched", "DHL", "JD014600006281"),
        ["post /api/v1/shipments/{shipmentId}/deliver 202"] = Shipment("Delivered", "DHL", "JD014600006281"),
        ["get /api/v1/payments/{paymentId} 200"] = Payment,
        ["get /api/v1/ops/sagas 200"] = SagaPage,
        ["get /api/v1/ops/sagas/{orderId} 200"] = FailedSaga,
        ["post /api/v1/ops/sagas/{orderId}/retry 202"] = RetriedSaga,
        ["get /api/v1/ops/dead-letters 200"] = DeadLetterPage,
        ["post /api/v1/ops/dead-letters/{id}/replay 202"] = DeadLetter,
        ["get /api/v1/ops/stalls 200"] = StallPage,
        ["get /api/v1/ops/settings 200"] = Settings,
        ["put /api/v1/ops/settings 200"] = Settings,
        ["post /api/v1/webhooks 201"] = Webhook(WebhookSecret),
        ["get /api/v1/webhooks 200"] = $$"""{"items":[{{Webhook(null)}}]}""",
        ["get /api/v1/webhooks/{webhookId} 200"] = Webhook(null),
        ["get /api/v1/webhooks/{webhookId}/deliveries 200"] = WebhookDeliveryPage,
        ["post /api/v1/webhooks/{webhookId}/replay 200"] = WebhookReplay,
        ["get /health/ready 200"] = Ready,
        ["get /health/ready 503"] = NotReady,
    };

    // One example per documented status, from the same ProblemType the API answers with, and a detail it really gives.
    // Where an operation's problem of a status is another kind than the one below (Ordering's WebhookProblems).
    private static readonly Dictionary<string, (ProblemType Type, string Detail)> OperationProblems = new()
    {
        ["post /api/v1/webhooks 422"] = (new ProblemType("webhook-destination-refused", 422, "The webhook URL is not allowed."),
            "url resolves to 10.0.0.5, a loopback, private or link-local address; webhooks go only to public addresses."),
    };

    private static readonly Dictionary<string, (ProblemType Type, string Detail)> Problems = new()
    {
        ["400"] = (ProblemType.Validation, "Correct the fields listed in 'errors' and send the request again."),
        ["401"] = (ProblemType.Unauthorized, "Send a valid key in the X-Api-Key header."),
        ["403"] = (ProblemType.Forbidden, "The key's role does not allow this endpoint; use a key with the right role."),
        ["404"] = (ProblemType.NotFound, "Order '0198c3a1-6f1e-7c44-9a55-0d5e4e2b7a10' was not found."),
        ["409"] = (new ProblemType("order-not-cancellable", 409, ProblemType.ConflictTitle),
            "Order 0198c3a1-6f1e-7c44-9a55-0d5e4e2b7a10 is Shipped; only Pending or Confirmed orders can be cancelled."),
        ["413"] = (ProblemType.PayloadTooLarge, "Request bodies may be at most 256 KiB."),
        ["415"] = (ProblemType.UnsupportedMediaType, "Send the body as JSON in UTF-8 with 'Content-Type: application/json'."),
        ["422"] = (ProblemType.IdempotencyKeyReused, "Use a new Idempotency-Key for a new request; repeat the original request unchanged to get its response."),
        ["503"] = (ProblemType.DatabaseUnavailable, "The database cannot be reached or is switching to its standby. Retry after a few seconds with the same Idempotency-Key: if the request did take effect, the repeat returns its original answer."),
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var key = $"{method.Method.ToLowerInvariant()} {path}";
                if (Requests.TryGetValue(key, out var request) && ContractEnums.Lookup(operation.RequestBody?.Content, "application/json") is { } body)
                {
                    body.Example = Parse(request);
                }

                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (Responses.TryGetValue($"{key} {status}", out var success) && ContractEnums.Lookup(response.Content, "application/json") is { } json)
                    {
                        json.Example = Parse(success);
                    }

                    if ((OperationProblems.TryGetValue($"{key} {status}", out var problem) || Problems.TryGetValue(status, out problem))
                        && ContractEnums.Lookup(response.Content, ProblemResponse.ContentType) is { } problemBody)
                    {
                        problemBody.Example = Problem(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), problem);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static JsonObject Problem(int status, (ProblemType Type, string Detail) problem)
    {
        var example = new JsonObject
        {
            ["type"] = problem.Type.Uri,
            ["title"] = problem.Type.Title,
            ["status"] = status,
            ["detail"] = problem.Detail,
            ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        };
        if (status == 400)
        {
            example["errors"] = new JsonObject { ["lines[0].quantity"] = new JsonArray("quantity must be between 1 and 1000.") };
        }

        return example;
    }
}
