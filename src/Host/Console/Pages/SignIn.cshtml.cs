using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Operations;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Host.Console.Pages;

// Exchanges an operator API key for a session cookie; any other key is refused and nothing is issued.
public sealed class SignInModel(IApiKeyLookup keys, OperatorAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Refusal { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? apiKey, CancellationToken cancellationToken)
    {
        var match = string.IsNullOrEmpty(apiKey) ? null : keys.Find(apiKey);
        if (match is not var (name, role) || keys.SecurityStamp(name) is not { } keyStamp)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "That key is not a known API key. Check it and try again.");
        }

        if (role != Roles.Operator)
        {
            return Refuse(StatusCodes.Status403Forbidden,
                $"The key '{name}' has the {role} role; the console accepts only operator keys.");
        }

        await HttpContext.SignInAsync(ConsoleRegistration.SessionScheme, OperatorSessionEvents.Principal(name, role, keyStamp));
        await audit.RecordAsync(name, "SignedIn", null, null, "Signed in to the console", cancellationToken);
        return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
    }

    private PageResult Refuse(int status, string reason)
    {
        Refusal = reason;
        Response.StatusCode = status;
        return Page();
    }
}
