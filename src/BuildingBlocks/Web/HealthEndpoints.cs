using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Web;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().WithTags("Health");
        endpoints.MapGet("/health/ready", async (MigrationState migrations, NpgsqlDataSource dataSource, DatabaseFailover failover, CancellationToken ct) =>
        {
            if (!migrations.IsMigrated)
            {
                return Results.Json(new { status = "not-ready", reason = "database not migrated yet" }, statusCode: 503);
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                // Read-only: a standby, or a demoted primary still holding pooled connections.
                await using var command = dataSource.CreateCommand("SELECT current_setting('transaction_read_only') = 'on'");
                if (await command.ExecuteScalarAsync(timeout.Token) is true)
                {
                    failover.ReportReadOnlyNode("transaction_read_only is on");
                    return Results.Json(new { status = "not-ready", reason = "database is read-only (a standby, or a demoted primary): waiting for the primary" }, statusCode: 503);
                }

                return Results.Ok(new { status = "ready" });
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Results.Json(new { status = "not-ready", reason = "database unreachable: no answer within 2 s" }, statusCode: 503);
            }
            catch (Exception ex) when (failover.Observe(ex))
            {
                // With Target Session Attributes=primary, "No suitable host" means no node is a writable primary
                // right now: a failover is under way, or every node is down.
                return Results.Json(new { status = "not-ready", reason = "database unreachable: " + ex.GetBaseException().Message }, statusCode: 503);
            }
        }).AllowAnonymous().WithTags("Health")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}
