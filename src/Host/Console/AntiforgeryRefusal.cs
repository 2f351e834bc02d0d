using Microsoft.AspNetCore.Mvc;
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
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = Message,
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
