using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static OrderManagement.Host.OpenApi.ExampleBodies;

namespace OrderManagement.Host.OpenApi;

// Without examples Swagger UI invents bodies from the schemas ("currency":"string", "quantity":0), which our own
// validation rejects. Every request body and every success body gets a real one; every problem gets one with its status.
internal sealed class ContractExamples : IOpenApiDocumentTransformer
{
    private const string ProblemType = "https://ordermanagement.example/problems/";

    private static readonly Dictionary<string, string> Requests = new()
    {
        ["put /api/v1/inventory/{sku}"] = SetStock,
        ["post /api/v1/orders"] = PlaceOrder,
        ["post /api/v1/orders/{orderId}/cancel"] = Cancel,
        ["post /api/v1/shipments/{shipmentId}/dispatch"] = Dispatch,
        ["post /api/v1/ops/sagas/{orderId}/retry"] = OperatorAction,
        ["post /api/v1/ops/dead-letters/{id}/replay"] = OperatorAction,
        ["put /api/v1/ops/settings"] = ChangeSettings,
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
        ["get /health/ready 200"] = Ready,
        ["get /health/ready 503"] = NotReady,
    };

    private static readonly Dictionary<string, (string Type, string Title, string Detail)> Problems = new()
    {
        ["400"] = ("validation", "One or more fields are invalid.", "See errors: each field path lists what is wrong."),
        ["401"] = ("unauthorized", "An API key is required.", "Send a known key in the X-Api-Key header."),
        ["403"] = ("forbidden", "This API key may not call this endpoint.", "Use a key whose role is allowed here."),
        ["404"] = ("not-found", "The resource does not exist.", "Check the id in the path."),
        ["409"] = ("conflict", "The request conflicts with the current state.", "Read the resource again, then decide."),
        ["413"] = ("payload-too-large", "The body is too large.", "Send at most 256 KiB."),
        ["415"] = ("unsupported-media-type", "The body must be JSON.", "Send Content-Type: application/json."),
        ["422"] = ("idempotency-key-reused", "This Idempotency-Key was used for a different request.", "Use a new Idempotency-Key for a new request."),
        ["503"] = ("database-unavailable", "The service cannot reach its database.", "Retry after the Retry-After seconds."),
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

                    if (Problems.TryGetValue(status, out var problem) && ContractEnums.Lookup(response.Content, ProblemResponse.ContentType) is { } problemBody)
                    {
                        problemBody.Example = Problem(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), problem);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static JsonObject Problem(int status, (string Type, string Title, string Detail) problem)
    {
        var example = new JsonObject
        {
            ["type"] = ProblemType + problem.Type,
            ["title"] = problem.Title,
            ["status"] = status,
            ["detail"] = problem.Detail,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (status == 400)
        {
            example["errors"] = new JsonObject { ["lines[0].quantity"] = new JsonArray("Must be between 1 and 1000.") };
        }

        return example;
    }
}
