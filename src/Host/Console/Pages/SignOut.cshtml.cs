using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Operations;

namespace OrderManagement.Host.Console.Pages;

public sealed class SignOutModel(OperatorAuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(User.Identity?.Name ?? "unknown", "SignedOut", null, null, "Signed out of the console", cancellationToken);
        await HttpContext.SignOutAsync(ConsoleRegistration.SessionScheme);
        return LocalRedirect(ConsoleRegistration.PathBase + "/sign-in");
    }
}
