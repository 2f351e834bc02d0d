using Microsoft.OpenApi;

namespace OrderManagement.Host;

internal static class OpenApiSetup
{
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "OrderManagement API",
                Version = "v1",
                Description = "Storefront and operations REST contract. Authenticate with the X-Api-Key header.",
            };
            return Task.CompletedTask;
        }));

    public static void MapOpenApiDocument(this WebApplication app, IHostEnvironment environment)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (environment.IsDevelopment())
        {
            app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "OrderManagement v1"));
        }
    }
}
