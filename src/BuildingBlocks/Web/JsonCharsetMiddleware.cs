using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace OrderManagement.BuildingBlocks.Web;

// RFC 8259 section 8.1: JSON exchanged between systems is UTF-8. A body may say so with a charset parameter, quoted
// or not and in any case (RFC 9110 sections 5.6.6 and 8.3.2); any other, unknown or empty charset is a 415 before the
// body is read, so no other encoding can slip text past the UTF-8 checks. The accepted forms are passed on as the bare
// media type, because the framework's JSON reader fails on a quoted charset.
internal sealed class JsonCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return next(context);
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return Refuse(context, "The Content-Type header could not be read.");
        }

        var charset = mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        if (charset is null)
        {
            return next(context);
        }

        if (!HeaderUtilities.RemoveQuotes(charset.Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(context, $"The body's charset is '{charset.Value}'.");
        }

        context.Request.ContentType = mediaType.MediaType.Value;
        return next(context);
    }

    private static Task Refuse(HttpContext context, string what) =>
        ProblemResponses.WriteAsync(context, ProblemType.UnsupportedMediaType,
            $"{what} Send the body as JSON in UTF-8 with 'Content-Type: application/json' (optionally '; charset=utf-8'), as RFC 8259 section 8.1 requires.");
}
