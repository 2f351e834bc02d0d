using System.Net;
using System.Net.Sockets;

namespace OrderManagement.Ordering.Webhooks;

// Which addresses a webhook may be sent to (no SSRF): outside Development never the host's own network, i.e. not
// loopback, private (RFC 1918, RFC 4193), link-local (RFC 3927, RFC 4291), carrier-grade NAT (RFC 6598),
// unspecified, multicast or broadcast. Checked when a subscription is made and again at every connect
// (WebhookHttp's ConnectCallback), on the address actually dialled, so a DNS answer that changes cannot get around it.
internal static class DestinationRules
{
    public const int MaxUrlLength = 2048;

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC);
        }

        return false;
    }

    // The URL's own rules, before any address is looked up: absolute http(s), no user info, no fragment; https
    // outside Development. Returns what is wrong, or null.
    public static string? UrlProblem(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required: the absolute URL the events are POSTed to.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"must be at most {MaxUrlLength} characters.";
        }

        if (!Validation.TextRules.IsWellFormed(url) || url.Any(char.IsControl))
        {
            return "must be text without control characters or lone surrogates.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http or https URL.";
        }

        if (!allowPrivate && uri.Scheme != Uri.UriSchemeHttps)
        {
            return "must use https.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must not carry user info or a fragment; put a token in the path or query and check the signature instead.";
        }

        return null;
    }

    // Looks the host up and returns what is wrong with any address it resolves to, or null.
    public static async Task<string?> AddressProblemAsync(Uri uri, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"host {uri.Host} does not resolve; use a name that resolves to a public address.";
        }

        return addresses.Length == 0
            ? $"host {uri.Host} does not resolve; use a name that resolves to a public address."
            : addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused
                ? $"resolves to {refused}, a loopback, private or link-local address; webhooks go only to public addresses."
                : null;
    }
}
