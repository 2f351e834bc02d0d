using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace OrderManagement.BuildingBlocks.Web;

// The access log's level follows what kind of answer a request got, not its status code alone. A 503 that carries
// Retry-After is the host answering as designed (backpressure: `overloaded`, `backlog`; not ready; a request deadline;
// the database away, whose cause is logged at Error where it is seen), so it is a Warning: an operator alerting on
// errors must not be paged by a rush the host is handling. Any other 5xx, or an exception, is an Error; the rest is
// Information.
internal static class AccessLogLevel
{
    public static LogEventLevel Of(HttpContext context, double elapsedMilliseconds, Exception? exception) => exception is not null
        ? LogEventLevel.Error
        : Of(context.Response.StatusCode, context.Response.Headers.RetryAfter.Count > 0);

    internal static LogEventLevel Of(int status, bool retryAfter) => status switch
    {
        StatusCodes.Status503ServiceUnavailable when retryAfter => LogEventLevel.Warning,
        >= 500 => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };
}
