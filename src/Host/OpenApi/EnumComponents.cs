using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// An enum's own schema lists its names as strings and never null: a nullable use already says so in the property
// (oneOf [null, $ref]). The generator of this version leaves null in the list of an enum that only nullable
// properties use (RejectionReason), so null would match both branches of that oneOf and fail it.
internal sealed class EnumComponents : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>().Where(s => s.Enum is { Count: > 0 }))
        {
            schema.Enum = [.. schema.Enum!.Where(value => value is not null)];
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }
}
