using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderManagement.BuildingBlocks.Web;

// Kestrel enforces MaxBodyBytes itself, but other servers (IIS in-process, the test server) do not: this holds
// the 413 promise whatever hosts the app. A declared length is refused at once; a chunked body is counted as read.
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > ApiPlumbing.MaxBodyBytes)
        {
            return ProblemResponses.WriteAsync(context, ProblemType.PayloadTooLarge,
                "Request bodies may be at most 256 KiB.");
        }

        if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, ApiPlumbing.MaxBodyBytes);
            context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(context));
        }

        return next(context);
    }
}
