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
        var all = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        // The scrape address (Metrics:ScrapeUrl) is Prometheus's, not the API's: named apart.
        var scrapePort = Uri.TryCreate(app.Configuration["Metrics:ScrapeUrl"], UriKind.Absolute, out var scrape) ? scrape.Port : (int?)null;
        var addresses = all.Where(a => !IsPort(a, scrapePort)).ToList();
        var scraped = all.Where(a => IsPort(a, scrapePort)).Select(a => $"; metrics scraped at {a.TrimEnd('/')}/metrics");
        var urls = string.Join(" ", addresses) + string.Concat(scraped);
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

    private static bool IsPort(string address, int? port) =>
        port is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port == port;
}
