using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Host.Lifecycle;

// build/run.sh ends by exec-ing the host, so the host itself says where to go once it listens.
internal static class ReadyLine
{
    // Called once the host has started (it listens), inside the start-up span.
    public static void LogReadyLine(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var urls = string.Join(" ", addresses);
        var first = addresses.FirstOrDefault()?.TrimEnd('/') ?? "";
        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogInformation("OrderManagement is ready on {Urls}; OpenAPI document at {OpenApiUrl}", urls, $"{first}/openapi/v1.json");
            return;
        }

        // Plain keys are accepted only in Development (ApiKeyStore refuses them elsewhere), so printing them leaks nothing.
        var keys = (app.Configuration.GetSection(ApiKeyOptions.Section).Get<ApiKeyOptions>()?.ApiKeys ?? [])
            .Where(k => !string.IsNullOrEmpty(k.Key))
            .Select(k => $"{k.Key} ({k.Role})");
        app.Logger.LogInformation(
            "OrderManagement is ready on {Urls}; Swagger UI at {SwaggerUrl}; API keys (X-Api-Key): {ApiKeys}",
            urls, $"{first}/swagger", string.Join(", ", keys));
    }
}
