using Microsoft.AspNetCore.Mvc.Filters;

namespace OrderManagement.Host.Console;

// A request no handler of the page answers (a POST to a page that only shows, or ?handler=x that the page has not)
// would otherwise draw the page without loading it: a 500, or an empty page that reads as "nothing stalled".
// It is refused instead: 405 with Allow when the page takes no such method, 404 for an unknown form action.
internal sealed class UnknownHandlerRefusal : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null)
        {
            return;
        }

        var method = context.HttpContext.Request.Method;
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (!handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            context.HttpContext.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct());
            context.Result = ConsoleRefusalPage.Result(context.HttpContext, StatusCodes.Status405MethodNotAllowed,
                $"This console page does not take a {method} request. Open it from the console's navigation and use its forms.");
            return;
        }

        var handler = context.HttpContext.Request.Query["handler"].ToString();
        context.Result = ConsoleRefusalPage.Result(context.HttpContext, StatusCodes.Status404NotFound,
            $"This console page has no action '{handler}'. Reload the page and use its forms.");
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
