using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderManagement.BuildingBlocks.Health;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Web;

public static class HealthEndpoints
{
    private const string ReadinessRetryAfterSeconds = "5";

    // /health/live: the process answers (nothing else is checked, so an orchestrator never restarts a host for a
    // database outage). /health/ready: 200 when every readiness check passes, else 503 with the reasons per check.
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().WithTags("Health");
        endpoints.MapGet("/health/ready", async (HealthCheckService health, DatabaseFailover failover, HttpContext http, CancellationToken ct) =>
        {
            var report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadinessRegistration.ReadinessTag), ct);
            var body = ReadinessReport.From(report, entry => DatabaseReadiness.Reason(entry, failover));
            if (body.Reason is null)
            {
                return Results.Json(body);
            }

            // RFC 9110 10.2.3: when to ask again. It also marks the 503 as a designed answer for the access log (AccessLogLevel).
            http.Response.Headers.RetryAfter = ReadinessRetryAfterSeconds;
            return Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health")
            .Produces<ReadinessReport>(StatusCodes.Status200OK)
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable)
            .DisableRequestTimeout(); // its checks have their own 3 s timeout: a probe always gets the report
        return endpoints;
    }
}
