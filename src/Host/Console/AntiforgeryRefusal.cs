using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace OrderManagement.Host.Console;

// A console form whose antiforgery token is missing or stale is refused (400) with words an operator can act on,
// not with the API's generic "check the JSON body" problem.
internal sealed class AntiforgeryRefusal : IAlwaysRunResultFilter
{
    public const string Message =
        "This form was not accepted: its antiforgery token is missing or has expired (a page left open for long, or a form not sent from the console). Go back, reload the page and submit it again.";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = ConsoleRefusalPage.Result(context.HttpContext, StatusCodes.Status400BadRequest, Message);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
