using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Web;

internal sealed partial class ExceptionToProblemHandler(DatabaseFailover failover, ILogger<ExceptionToProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var task = exception switch
        {
            RequestValidationException validation => ProblemResponses.WriteAsync(context, ProblemType.Validation,
                "Correct the fields listed in 'errors' and send the request again.",
                validation.Errors.ToDictionary(e => e.Key, e => e.Value)),
            BadHttpRequestException { InnerException: JsonException json } => ProblemResponses.WriteAsync(context, ProblemType.MalformedJson,
                "Fix the field listed in 'errors' (wrong type, or malformed JSON) and send the request again.",
                new Dictionary<string, string[]> { [FieldPath(json.Path)] = [JsonError(json)] }),
            BadHttpRequestException bad => BadRequestProblems.WriteAsync(context, bad),
            JsonException json => ProblemResponses.WriteAsync(context, ProblemType.MalformedJson, json.Message),
            NotFoundException notFound => ProblemResponses.WriteAsync(context, ProblemType.NotFound, notFound.Message),
            ConflictException conflict => ProblemResponses.WriteAsync(context, 409, conflict.Code, ProblemType.ConflictTitle, conflict.Message),
            DbUpdateConcurrencyException => ProblemResponses.WriteAsync(context, 409, "concurrent-update",
                "The resource was changed by another request at the same time.", "Read the resource again and retry if the request still applies."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => ProblemResponses.WriteAsync(context, 409, "concurrent-update",
                "The resource was created by another request at the same time.", "Read the resource again and retry if the request still applies."),
            _ when DatabaseFailures.IsPoolExhausted(exception) => WriteDatabaseBusyAsync(context),
            _ when failover.Observe(exception) => WriteDatabaseUnavailableAsync(context),
            _ => null,
        };

        if (task is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            await ProblemResponses.WriteAsync(context, 500, "internal-error", "An unexpected error occurred.",
                "The error was logged with this trace id; report it to the operators if it persists.");
            return true;
        }

        await task;
        return true;
    }

    // Headers first: once the problem body is written the response has started and they are read-only.
    private static Task WriteDatabaseUnavailableAsync(HttpContext context)
    {
        context.RequestServices.GetRequiredService<ApiMetrics>().Rejected("database-unavailable");
        context.Response.Headers.RetryAfter = "5";
        return ProblemResponses.WriteAsync(context, ProblemType.DatabaseUnavailable, "The database cannot be reached or is switching to its standby. Retry after a few seconds with the same Idempotency-Key: if the request did take effect, the repeat returns its original answer.");
    }

    private static Task WriteDatabaseBusyAsync(HttpContext context)
    {
        context.RequestServices.GetRequiredService<ApiMetrics>().Rejected("database-busy");
        context.Response.Headers.RetryAfter = "5";
        return ProblemResponses.WriteAsync(context, 503, "database-busy",
            "The service is temporarily busy.", "Every database connection of this host is in use (long transactions or lock waits). Retry after a few seconds with the same Idempotency-Key: if the request did take effect, the repeat returns its original answer.");
    }

    // "$.lines[0].quantity" -> "lines[0].quantity"; the root itself is "$".
    private static string FieldPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // Malformed JSON is reported by the reader, whose exception is itself a JsonException; a value of the wrong type or
    // shape carries none, or the converter's InvalidOperationException.
    private static string JsonError(JsonException json) => (json.Path is null or "$", json.InnerException is JsonException) switch
    {
        (true, false) => "The body must be a JSON object with this endpoint's fields (see its request schema in /openapi/v1.json).",
        (true, true) => "The body is not valid JSON.",
        (false, false) => "The value has the wrong type (see the request schema in /openapi/v1.json).",
        (false, true) => "The value is not valid JSON.",
    };

    [LoggerMessage(LogLevel.Error, "Unhandled error for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
