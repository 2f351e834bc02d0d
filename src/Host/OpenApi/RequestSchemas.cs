using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// The request records are all-nullable so that a missing field becomes our 400 rather than a binder error; the
// document shows what a client must send instead: a required field is never nullable, and the few optional
// fields are not required.
internal sealed class RequestSchemas : IOpenApiDocumentTransformer
{
    private static readonly HashSet<string> Optional = ["PlaceOrderAddress.line2", "CancelOrderRequest.reason", "ReviewApprovalRequest.reason"];

    // The bodies a client may leave out: a storefront's cancel (shared/api-contract.md, Orders) and a review's approval
    // (its reason is optional; a rejection without one is a 400 naming reason). Every other body is required, though
    // the endpoints accept a missing one to answer it with our own 400 naming the fields.
    private static readonly HashSet<string> OptionalBodies = ["CancelOrderRequest", "ReviewApprovalRequest"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var pending = new Queue<string>(document.Paths.Values
            .SelectMany(item => item.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .SelectMany(media => References(media.Schema)));
        RequireBodies(document);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name) || OpenApiLookup.Lookup(schemas, name) is not OpenApiSchema schema)
            {
                continue;
            }

            foreach (var (property, value) in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList())
            {
                foreach (var reference in References(value))
                {
                    pending.Enqueue(reference);
                }

                if (Optional.Contains($"{name}.{property}"))
                {
                    schema.Required?.Remove(property);
                }
                else if (schema.Required?.Contains(property) == true)
                {
                    schema.Properties![property] = NotNull(value);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void RequireBodies(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(item => item.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.RequestBody is not OpenApiRequestBody { Content: { } content } body
                || content.Values.Any(media => References(media.Schema).Any(OptionalBodies.Contains)))
            {
                continue;
            }

            body.Required = true;
            foreach (var media in content.Values.OfType<OpenApiMediaType>().Where(m => m.Schema is not null))
            {
                media.Schema = NotNull(media.Schema!);
            }
        }
    }

    private static IOpenApiSchema NotNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { OneOf: { Count: > 0 } oneOf } && oneOf.SingleOrDefault(s => s is not OpenApiSchema { Type: JsonSchemaType.Null }) is { } only
            && oneOf.Count == 2)
        {
            return only;
        }

        if (schema is OpenApiSchema concrete && concrete.Type is { } type)
        {
            concrete.Type = type & ~JsonSchemaType.Null;
        }

        return schema;
    }

    private static IEnumerable<string> References(IOpenApiSchema? schema) => schema switch
    {
        OpenApiSchemaReference reference when reference.Reference.Id is { } id => [id],
        OpenApiSchema concrete => (concrete.OneOf ?? []).SelectMany(References).Concat(References(concrete.Items)),
        _ => [],
    };
}
