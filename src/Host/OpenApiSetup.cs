using Microsoft.OpenApi;
using OrderManagement.Host.OpenApi;

namespace OrderManagement.Host;

internal static class OpenApiSetup
{
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OrderManagement API",
                    Version = "v1",
                    Description = "Storefront and operations REST contract. Authenticate with the X-Api-Key header. "
                        + "Errors are RFC 9457 application/problem+json with type, title, status, detail and traceId; "
                        + "validation errors add 'errors', an object from field path (e.g. lines[0].quantity) to messages.",
                };
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<ApiKeySecurity>();
            options.AddOperationTransformer<ApiKeySecurity>();
            options.AddOperationTransformer<ContractHeaders>();
            options.AddOperationTransformer<PagingParameters>();
            options.AddDocumentTransformer<EnumComponents>();
            options.AddSchemaTransformer<EnumFilterSchemas>();
            options.AddDocumentTransformer<ProblemSchemas>();
            options.AddDocumentTransformer<RequestSchemas>();
            options.AddDocumentTransformer<ContractSummaries>();
            options.AddDocumentTransformer<ContractExamples>();
        });

    public static void MapOpenApiDocument(this WebApplication app, IHostEnvironment environment)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (environment.IsDevelopment())
        {
            app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "OrderManagement v1"));
        }
    }
}
