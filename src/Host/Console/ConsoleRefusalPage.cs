using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OrderManagement.BuildingBlocks.Web;

namespace OrderManagement.Host.Console;

// The console's refusal page: what was wrong, in words, and a link back to the page the request was for (its address
// without the query), never the API's problem+json or a bare text line. Every refusal of the console uses it: those its
// pages and filters make, and (through IRefusalPages) those the middleware makes before a page runs.
internal sealed class ConsoleRefusalPage : IRefusalPages
{
    public bool Serves(HttpContext context) => IsConsole(context.Request.Path);

    // Written by the middleware, where no page's authorization has run: the session cookie is read here to know who asks.
    public async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors)
    {
        var session = await context.AuthenticateAsync(ConsoleRegistration.SessionScheme);
        // The API's wording names its fields and its 'errors' member; the console names its forms' labels and lists below.
        var html = Html(context, session.Succeeded ? session.Principal : context.User, title,
            detail.Replace("listed in 'errors'", "listed below", StringComparison.Ordinal),
            errors?.SelectMany(e => e.Value.Select(message => FormLabels.Named(e.Key, message))) ?? [],
            status == StatusCodes.Status404NotFound);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static ContentResult Result(HttpContext context, int status, string message, IEnumerable<string>? details = null) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = Html(context, context.User, "Refused", message, details ?? []),
    };

    public static bool IsConsole(PathString path) => path.StartsWithSegments(ConsoleRegistration.PathBase, StringComparison.OrdinalIgnoreCase);

    // nowhere: the address names no page, so the way back is the console's navigation (signed in) or the overview, not the
    // address itself.
    private static string Html(HttpContext context, ClaimsPrincipal? user, string title, string message, IEnumerable<string> details, bool nowhere = false)
    {
        var operatorName = ConsoleNavigation.OperatorOf(user);
        var back = !nowhere && IsConsole(context.Request.Path) && !context.Request.Path.Value!.Any(char.IsControl)
            ? context.Request.Path.Value!
            : ConsoleRegistration.PathBase;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · OrderManagement operations</title><link rel=\"icon\" href=\"/favicon.ico\" type=\"image/x-icon\">")
            .Append("<style>").Append(ConsoleStyles.Sheet).Append("#refusal,#refusal-details li{color:var(--bad)}</style></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header><nav aria-label=\"Console\"><a class=\"brand\" href=\"").Append(ConsoleRegistration.PathBase).Append("\">OMS operations</a>");
        if (operatorName is not null)
        {
            foreach (var (href, label) in ConsoleNavigation.Links)
            {
                html.Append("<a href=\"").Append(Encode(href)).Append("\">").Append(Encode(label)).Append("</a>");
            }

            html.Append("<form method=\"post\" action=\"").Append(ConsoleRegistration.PathBase).Append("/sign-out\" class=\"signout\"><span>")
                .Append(Encode(operatorName)).Append("</span>").Append(AntiforgeryField(context, user!))
                .Append("<button type=\"submit\">Sign out</button></form>");
        }

        html.Append("</nav></header><main id=\"main\">")
            .Append("<h1>").Append(Encode(title)).Append("</h1><p id=\"refusal\" role=\"alert\">").Append(Encode(message)).Append("</p>");
        var items = details.ToList();
        if (items.Count > 0)
        {
            html.Append("<ul id=\"refusal-details\">");
            foreach (var item in items)
            {
                html.Append("<li>").Append(Encode(item)).Append("</li>");
            }

            html.Append("</ul>");
        }

        var overview = $"<a href=\"{ConsoleRegistration.PathBase}\">overview</a>";
        html.Append("<p id=\"way-back\">").Append(
            !nowhere ? $"Nothing was changed. <a id=\"back\" href=\"{Encode(back)}\">Back to {Encode(back)}</a>, or start again from the {overview}."
            : operatorName is not null ? $"Use the navigation above, or start again from the {overview}."
            : $"Start again from the {overview} (it asks you to sign in first).")
            .Append("</p></main></body></html>");
        return html.ToString();
    }

    // The sign-out form's token, bound to the operator the session names (the middleware's request has no page to set it).
    private static string AntiforgeryField(HttpContext context, ClaimsPrincipal user)
    {
        var asked = context.User;
        context.User = user;
        try
        {
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken ?? "")}\">";
        }
        finally
        {
            context.User = asked;
        }
    }

    // Text content needs only &, < and > escaped (and " inside attributes); apostrophes stay as written.
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
