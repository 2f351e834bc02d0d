using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderManagement.BuildingBlocks.Web;

internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var caller = context.User.Identity?.Name ?? "anonymous";
        LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, caller);
    }

    [LoggerMessage(LogLevel.Information, "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms for {ApiKeyName}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string apiKeyName);
}
