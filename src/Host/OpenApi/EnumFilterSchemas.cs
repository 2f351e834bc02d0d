using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrderManagement.BuildingBlocks.Web;

namespace OrderManagement.Host.OpenApi;

// A `?status=` filter binds as EnumFilter<TEnum> (a string on the wire); its schema lists TEnum's names, taken from
// the enum type itself.
internal sealed class EnumFilterSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.ParameterDescription?.Type ?? context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EnumFilter<>))
        {
            schema.Type = JsonSchemaType.String;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Enum = [.. Enum.GetNames(type.GetGenericArguments()[0]).Select(name => (JsonNode)JsonValue.Create(name))];
        }

        return Task.CompletedTask;
    }
}
