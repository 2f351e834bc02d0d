using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

// The listing endpoints share limit and cursor; their bounds are part of the contract.
internal sealed class PagingParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            switch (parameter.Name, parameter.Schema)
            {
                case ("limit", OpenApiSchema schema):
                    schema.Minimum = "1";
                    schema.Maximum = "100";
                    schema.Default = JsonValue.Create(20);
                    parameter.Description = "Items per page, 1 to 100 (default 20); anything else is a 400.";
                    break;
                case ("cursor", _):
                    parameter.Description = "The nextCursor of the previous page, passed back unchanged; a cursor this API did not issue is a 400.";
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
