using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// Headers the endpoints read and write by hand, so the generator cannot see them.
internal sealed class ContractHeaders : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName)
        {
            case "PlaceOrder" or "CancelOrder":
                AddParameter(operation, "Idempotency-Key", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
                    "Makes the request safe to repeat: a repeat with the same key and body returns the first response with "
                    + "Idempotent-Replayed: true; the same key with another body is a 422; a repeat while the first is still "
                    + "being processed is a 409. Keys are scoped to the API key and expire after Idempotency:KeyLifetime.");
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (status is "200" or "202" && response is OpenApiResponse success)
                    {
                        AddHeader(success, "Idempotent-Replayed", "true when this is the stored response to an earlier request with the same Idempotency-Key.");
                        AddHeader(success, "ETag", "The version of the order in the body as a strong entity tag; send it as If-None-Match when polling.");
                        if (status == "202")
                        {
                            AddHeader(success, "Location", "/api/v1/orders/{orderId}");
                        }
                    }
                }

                break;
            case "GetOrder":
                AddParameter(operation, "If-None-Match", new OpenApiSchema { Type = JsonSchemaType.String },
                    "An ETag from an earlier response; the answer is 304 Not Modified while the order has not changed.");
                foreach (var status in (string[])["200", "304"])
                {
                    if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse response)
                    {
                        AddHeader(response, "ETag", "The order's version as a strong entity tag.");
                    }
                }

                break;
        }

        return Task.CompletedTask;
    }

    private static void AddParameter(OpenApiOperation operation, string name, OpenApiSchema schema, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.All(p => p.Name != name))
        {
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Header, Required = false, Schema = schema, Description = description });
        }
    }

    private static void AddHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
    }
}
