using Microsoft.AspNetCore.Mvc.Filters;

namespace OrderManagement.Host.Console;

// A page address whose values cannot be read (/ops/orders?held=maybe, /ops/audit?orderId=nope, /ops/orders/not-an-id)
// is refused (400) naming each value, instead of being shown as if the value had not been given: an audit "for one
// order" that lists every order's actions, or a blank 404. Forms (POST) say their own mistakes on the page.
internal sealed class UnreadableQueryRefusal : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.ModelState.IsValid || !HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            return;
        }

        var unreadable = context.ModelState
            .Where(entry => entry.Value?.Errors.Count > 0)
            .Select(entry => $"'{entry.Value!.AttemptedValue}' is not a valid value for {FormLabels.Of(entry.Key)}.");
        context.Result = ConsoleRefusalPage.Result(context.HttpContext, StatusCodes.Status400BadRequest,
            "This address holds a value the page cannot read: " + string.Join(" ", unreadable) + " Correct it, or start again from the console's navigation.");
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
