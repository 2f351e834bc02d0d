using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

public static class SettingsEndpoints
{
    // GET /api/v1/ops/settings: every editable setting with the value in effect and who changed it.
    // PUT /api/v1/ops/settings {"settings": {"<key>": "<value>"}, "reason": "..."}: all or nothing; 400 problem with
    // 'errors' keyed "settings.<key>" or "reason" when a key is unknown or a value out of bounds. Operators only.
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/v1/ops/settings").WithTags("Operations").RequireRoles(Roles.Operator);

        settings.MapGet("", async (SettingsStore store, CancellationToken ct) => Results.Ok(new SettingsView(await store.CurrentAsync(ct))))
            .WithName("GetSettings")
            .WithSummary("Run-time settings")
            .Produces<SettingsView>();

        settings.MapPut("", async (ChangeSettingsRequest body, HttpContext http, SettingsStore store, CancellationToken ct) =>
            {
                await store.ChangeAsync(body.Settings ?? [], http.User.Identity?.Name ?? "unknown", body.Reason, ct);
                return Results.Ok(new SettingsView(await store.CurrentAsync(ct)));
            })
            .WithName("ChangeSettings")
            .WithSummary("Change run-time settings; every host applies them within seconds, no restart")
            .Produces<SettingsView>()
            .ProducesValidationProblem();
        return endpoints;
    }
}

public sealed record ChangeSettingsRequest(Dictionary<string, string>? Settings, string? Reason);

public sealed record SettingsView(IReadOnlyList<SettingValue> Items);
