using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// Every problem this API writes carries the trace id of the request; the generated problem schemas do not know it.
internal sealed class ProblemSchemas : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var name in (string[])["ProblemDetails", "HttpValidationProblemDetails"])
        {
            if (OpenApiLookup.Lookup(document.Components?.Schemas, name) is OpenApiSchema schema)
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties.TryAdd("traceId", new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The W3C trace id of the request (as in traceparent): its trace in Jaeger or Tempo and the TraceId of its log lines. The correlation id is the X-Correlation-Id header.",
                });
                schema.Description = "RFC 9457 problem. type is https://ordermanagement.example/problems/<name>, e.g. validation, "
                    + "malformed-json, not-found, unauthorized, forbidden, payload-too-large, idempotency-key-reused.";
            }
        }

        return Task.CompletedTask;
    }
}
