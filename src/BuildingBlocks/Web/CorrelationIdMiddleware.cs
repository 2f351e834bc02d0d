using Microsoft.AspNetCore.Http;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Web;

// Takes the caller's X-Correlation-Id when it is sane, otherwise makes one, and echoes it on the response.
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[Header].ToString();
        var correlationId = IsSane(supplied) ? supplied : CorrelationContext.NewId();
        CorrelationContext.Current = correlationId;
        context.TraceIdentifier = correlationId;
        // Set when the response starts: the exception handler clears headers before it writes a problem.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
