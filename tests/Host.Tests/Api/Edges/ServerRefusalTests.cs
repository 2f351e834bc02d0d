using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// Requests the HTTP server itself finds wrong (bytes a header may not hold, a NUL in the path, headers or a request
// line over the limits) still get an RFC 9457 problem body that says what was wrong, not a bare status line.
[Collection(KestrelCollection.Name)]
public sealed class ServerRefusalTests(KestrelApiFactory api)
{
    private const string Key = "X-Api-Key: " + ApiFactory.OperatorKey + "\r\n";

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var (name, (status, _)) in Requests)
        {
            cases.Add(name, status);
        }

        return cases;
    }

    private static readonly Dictionary<string, (int Status, Func<byte[]> Request)> Requests = new()
    {
        ["control byte in a header value"] = (400, () => Get("/api/v1/inventory/RAW-1", "X-Note: a\u0001b\r\n")),
        ["escape byte in a header value"] = (400, () => Get("/api/v1/inventory/RAW-1", "X-Note: \u001b[31mred\r\n")),
        ["encoded CR LF in the path"] = (400, () => Get("/api/v1/inventory/A%0D%0AB", "")),
        ["a 40 KiB header"] = (431, () => Get("/api/v1/inventory/RAW-1", $"X-Big: {new string('b', 40 * 1024)}\r\n")),
        ["150 headers"] = (431, () => Get("/api/v1/inventory/RAW-1", string.Concat(Enumerable.Range(0, 150).Select(i => $"X-H{i}: v\r\n")))),
        ["a 10 KiB request target"] = (414, () => Get("/api/v1/inventory/" + new string('S', 10 * 1024), "")),
    };

    // Kestrel's parser refuses these before any application code runs, and it cannot be given a body for them:
    // they stay a bare 400 with the connection closed. They are here so that a change that lets them through shows.
    [Theory]
    [InlineData("NUL in the path", "GET /api/v1/inventory/A%00B HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData("space in a header name", "GET /api/v1/inventory/RAW-1 HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n")]
    [InlineData("NUL in a header value", "GET /api/v1/inventory/RAW-1 HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\n\r\n")]
    public async Task Given_a_request_the_server_parser_refuses_When_sent_Then_400_and_the_connection_is_closed(string name, string request)
    {
        var answer = await RawHttp.SendAsync(api.Address, Encoding.Latin1.GetBytes(request));

        answer.Status.ShouldBe(400, $"{name}: {answer.Raw}");
        answer.Headers.GetValueOrDefault("Connection").ShouldBe("close", name);
    }

    private static byte[] Get(string target, string headers) =>
        Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\n{Key}{headers}Connection: close\r\n\r\n");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Given_a_request_the_server_refuses_When_sent_Then_the_answer_is_a_problem(string name, int status)
    {
        var answer = await RawHttp.SendAsync(api.Address, Requests[name].Request());

        answer.Status.ShouldBe(status, answer.Raw[..Math.Min(answer.Raw.Length, 400)]);
        answer.Headers.GetValueOrDefault("Content-Type").ShouldBe("application/problem+json", answer.Raw[..Math.Min(answer.Raw.Length, 400)]);
        var problem = JsonNode.Parse(answer.Body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe(status);
        foreach (var field in (string[])["type", "title", "detail", "traceId"])
        {
            problem[field]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{field} missing: {answer.Body}");
        }
    }
}
