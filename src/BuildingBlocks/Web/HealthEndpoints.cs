using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.Web;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().WithTags("Health");
        endpoints.MapGet("/health/ready", async (MigrationState migrations, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            if (!migrations.IsMigrated)
            {
                return Results.Json(new { status = "not-ready", reason = "database not migrated yet" }, statusCode: 503);
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Ok(new { status = "ready" });
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return Results.Json(new { status = "not-ready", reason = "database unreachable" }, statusCode: 503);
            }
        }).AllowAnonymous().WithTags("Health")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}
