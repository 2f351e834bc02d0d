using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OrderManagement.BuildingBlocks.Operations;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Host.Console;

// Checks a console session cookie on every request (ADR 0023): a session that was signed out (on any host), or whose
// operator key has been removed, replaced or given another role since sign-in, is refused and its cookie removed, so the
// operator is sent to sign in again.
internal sealed partial class OperatorSessionEvents(RevokedSessions revoked, IApiKeyLookup keys, ILogger<OperatorSessionEvents> logger)
    : CookieAuthenticationEvents
{
    public const string SessionIdClaim = "sid";
    public const string KeyStampClaim = "key_stamp";

    public static ClaimsPrincipal Principal(string keyName, string role, string keyStamp) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, keyName), new Claim(ClaimTypes.Role, role),
                new Claim(SessionIdClaim, Guid.NewGuid().ToString()), new Claim(KeyStampClaim, keyStamp),
            ],
            ConsoleRegistration.SessionScheme));

    public static Guid? SessionIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionIdClaim), out var id) ? id : null;

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        if (await RefusalAsync(principal, context.HttpContext.RequestAborted) is { } refusal)
        {
            LogSessionRefused(principal.Identity?.Name ?? "nobody", refusal);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleRegistration.SessionScheme);
        }
    }

    private async Task<string?> RefusalAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SessionIdOf(principal) is not { } sessionId || principal.Identity?.Name is not { } name)
        {
            return "it was issued before sessions could be signed out";
        }

        if (keys.SecurityStamp(name) is not { } stamp)
        {
            return "its operator key is no longer configured";
        }

        if (principal.FindFirstValue(KeyStampClaim) != stamp)
        {
            return "its operator key was replaced or given another role";
        }

        return await revoked.IsRevokedAsync(sessionId, cancellationToken) ? "it was signed out" : null;
    }

    [LoggerMessage(LogLevel.Information, "Console session of {Operator} refused because {Refusal}; the operator must sign in again.")]
    private partial void LogSessionRefused(string @operator, string refusal);
}
