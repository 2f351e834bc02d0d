using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderManagement.BuildingBlocks.Web;

// The W3C trace id of a request: the one on its log lines and in the tracing backend. HttpContext.TraceIdentifier is
// the correlation id here (CorrelationIdMiddleware), which is not a trace id.
internal static class RequestTrace
{
    public static string? Id(HttpContext context) =>
        (context.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current) is { } activity
            ? activity.TraceId.ToHexString()
            : null;
}
