using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OrderManagement.BuildingBlocks.Lifecycle;

// While draining, every response says "Connection: close" (RFC 9112 section 9.6), so clients stop reusing their
// keep-alive connections before the listener closes: no request is sent on a connection the host is about to drop.
internal sealed class ConnectionCloseWhileDrainingMiddleware(RequestDelegate next, ShutdownDrain drain)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (drain.IsDraining)
        {
            context.Response.Headers[HeaderNames.Connection] = "close";
        }

        return next(context);
    }
}
