using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Operations;

namespace OrderManagement.Host.Console.Pages;

// Ends the session on every host: its id is kept as revoked until no cookie of it can still be valid (ADR 0023).
public sealed class SignOutModel(OperatorAuditLog audit, RevokedSessions revoked, IOptionsMonitor<CookieAuthenticationOptions> cookies) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (OperatorSessionEvents.SessionIdOf(User) is { } sessionId)
        {
            await revoked.RevokeAsync(sessionId, cookies.Get(ConsoleRegistration.SessionScheme).ExpireTimeSpan, cancellationToken);
        }

        await audit.RecordAsync(User.Identity?.Name ?? "unknown", "SignedOut", null, null, "Signed out of the console", cancellationToken);

        await HttpContext.SignOutAsync(ConsoleRegistration.SessionScheme);
        return LocalRedirect(ConsoleRegistration.PathBase + "/sign-in");
    }
}
