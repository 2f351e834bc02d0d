using System.Security.Claims;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Host.Console;

// The console's navigation, drawn by the layout and by the refusal page (a page that says "use the navigation above"
// must have it).
internal static class ConsoleNavigation
{
    public static readonly IReadOnlyList<(string Href, string Label)> Links =
    [
        ("/ops", "Overview"),
        ("/ops/orders", "Orders"),
        ("/ops/orders?held=true", "Held"),
        ("/ops/stalls", "Stalled"),
        ("/ops/dead-letters", "Dead letters"),
        ("/ops/settings", "Settings"),
        ("/ops/audit", "Audit"),
    ];

    // The operator of a console session (the session cookie's identity), or null: an API key's identity does not count.
    public static string? OperatorOf(ClaimsPrincipal? user) =>
        user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == ConsoleRegistration.SessionScheme) is { } session
        && user.IsInRole(Roles.Operator)
            ? session.Name
            : null;
}
