using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderManagement.BuildingBlocks.Web;

// Kestrel refuses a request line or header block over its limits itself, with a bare status line and no body. Its
// limits are set a step above these (ApiPlumbing), so a request between the two gets a problem that states the limit;
// only a request past Kestrel's own limits still gets the bare answer.
internal sealed class RequestHeadLimitsMiddleware(RequestDelegate next)
{
    public const int MaxTargetLength = 8 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxHeaderBytes = 32 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (target.Length > MaxTargetLength)
        {
            return ProblemResponses.WriteAsync(context, 414, "uri-too-long", "The request target is too long.",
                $"Paths with their query may be at most {MaxTargetLength / 1024} KiB.");
        }

        var count = 0;
        var bytes = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        if (count > MaxHeaderCount || bytes > MaxHeaderBytes)
        {
            return ProblemResponses.WriteAsync(context, 431, "headers-too-large", "The request headers are too large.",
                $"Send at most {MaxHeaderCount} header lines of at most {MaxHeaderBytes / 1024} KiB in all.");
        }

        return next(context);
    }
}
