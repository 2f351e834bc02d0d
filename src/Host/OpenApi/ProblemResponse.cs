using Microsoft.OpenApi;

namespace OrderManagement.Host.OpenApi;

internal static class ProblemResponse
{
    public const string ContentType = "application/problem+json";

    // Adds an RFC 9457 problem response unless the endpoint already declares that status code.
    public static void Add(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        });
    }
}
