namespace OrderManagement.Host.Console;

// Where sign-in may send the operator next: a local address under /ops after normalisation, and nothing else (issue 11:
// "/ops/../swagger" passed a prefix check and left the console). The path is decoded once and its dot segments resolved
// as a browser would; an address with a backslash, a control character, a scheme or host ("//host"), an encoded
// separator or dot left after decoding (double encoding) is not followed. Anything not followed goes to /ops.
internal static class ReturnUrls
{
    public static string Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || c == '\\') || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal))
        {
            return ConsoleRegistration.PathBase;
        }

        var end = url.IndexOfAny(['?', '#']);
        var (path, rest) = end < 0 ? (url, "") : (url[..end], url[end..]);
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return ConsoleRegistration.PathBase;
        }

        if (decoded.Any(c => char.IsControl(c) || c is '\\' or '%'))
        {
            return ConsoleRegistration.PathBase;
        }

        var segments = new List<string>();
        foreach (var segment in decoded.Split('/').Skip(1))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return ConsoleRegistration.PathBase;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        var normalised = "/" + string.Join("/", segments.Select(Uri.EscapeDataString));
        var underConsole = normalised == ConsoleRegistration.PathBase || normalised.StartsWith(ConsoleRegistration.PathBase + "/", StringComparison.Ordinal);
        return underConsole ? normalised + (rest.StartsWith('?') ? rest.Split('#')[0] : "") : ConsoleRegistration.PathBase;
    }
}
