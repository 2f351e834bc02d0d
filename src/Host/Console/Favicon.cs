namespace OrderManagement.Host.Console;

// The console's icon (a white ring on the console's blue, 16 x 16, an ICO holding a PNG): browsers ask for /favicon.ico
// on their own, and a 404 for it filled the access log with errors (issue 11). Pages also name it in their head.
internal static class Favicon
{
    public const string Path = "/favicon.ico";

    private static readonly byte[] Icon = Convert.FromBase64String(
        "AAABAAEAEBAAAAEAIAB7AAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAAEJJREFUeNpj4I5Z+58SzEBTA2CAZANwAaIMIATwGoBPIS45BlL8jNcAQn7FpYZ6BlDsBaoEIsXRSJWERJWkTNfcCAAK4o1fe+Ey4AAAAABJRU5ErkJggg==");

    public static IEndpointRouteBuilder MapFavicon(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Bytes(Icon, "image/x-icon");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
