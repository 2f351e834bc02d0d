using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderManagement.Host.Tests.Console;

// A browser-like client for the console over the test server: keeps cookies, follows no redirects, and reads the
// antiforgery token out of a page's form as a browser would submit it.
public sealed partial class ConsoleClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static ConsoleClient For<TEntry>(WebApplicationFactory<TEntry> factory)
        where TEntry : class =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<string> FormTokenAsync(string path)
    {
        var page = await Http.GetStringAsync(path);
        return TokenField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token in its form:\n{page}");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        var form = new Dictionary<string, string>(fields);
        if (tokenFrom is not null)
        {
            form["__RequestVerificationToken"] = await FormTokenAsync(tokenFrom);
        }

        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> SignInAsync(string apiKey) =>
        await PostFormAsync("/ops/sign-in", new Dictionary<string, string> { ["apiKey"] = apiKey }, tokenFrom: "/ops/sign-in");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
