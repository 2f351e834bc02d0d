using Microsoft.AspNetCore.Http;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.Web;

// Until the schemas are migrated the API and the console answer 503 rather than failing on missing tables.
internal sealed class ReadinessGateMiddleware(RequestDelegate next, MigrationState migrations)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (migrations.IsMigrated || !(context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/ops")))
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = "5";
        return ProblemResponses.WriteAsync(context, 503, "not-ready", "The service is starting.",
            "The database is not reachable or not migrated yet. Retry after a few seconds.");
    }
}
