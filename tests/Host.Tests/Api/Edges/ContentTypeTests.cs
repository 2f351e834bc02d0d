using System.Text;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// RFC 8259 section 8.1: JSON between systems is UTF-8. Every endpoint that reads a body takes application/json with no
// charset or charset utf-8 (quoted or not, any case, RFC 9110 section 5.6.6); anything else is a 415 problem, never a 500.
[Collection(ApiCollection.Name)]
public sealed class ContentTypeTests(ApiFactory api) : IAsyncLifetime
{
    public static readonly string[] Accepted =
    [
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=UTF-8",
        "application/json; charset=\"utf-8\"",
        "application/json;charset=\"UTF-8\"",
    ];

    public static readonly string[] Refused =
    [
        "application/json; charset=utf8",
        "application/json; charset=",
        "application/json; charset=\"\"",
        "application/json; charset=utf-16",
        "application/json; charset=utf-16le",
        "application/json; charset=iso-8859-1",
        "application/json; charset=us-ascii",
        "application/json; charset=klingon",
        "text/plain",
        "text/plain; charset=utf-8",
        "application/xml",
    ];

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_every_body_reading_endpoint_When_sent_each_content_type_Then_utf8_json_is_read_and_every_other_charset_is_415()
    {
        var endpoints = AppEndpoint.Api(api.Services).Where(e => e.ReadsBody).ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(4, string.Join(", ", endpoints));
        var client = api.CreateClient();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            foreach (var contentType in Accepted.Concat(Refused))
            {
                var refused = Refused.Contains(contentType);
                var request = new RawRequest(endpoint.ToString(), new HttpMethod(endpoint.Method), endpoint.PathWith(), endpoint.ApiKey, refused ? 415 : 0)
                {
                    ContentType = contentType,
                    // The charset's own encoding of a body that a UTF-8 check would refuse: a lone surrogate and a NUL.
                    Body = contentType.Contains("utf-16", StringComparison.Ordinal)
                        ? Encoding.Unicode.GetBytes("{\"reason\":\"\ud800\u0000\"}")
                        : Encoding.UTF8.GetBytes("{}"),
                };
                using var response = await client.SendAsync(request.ToMessage());
                var status = (int)response.StatusCode;
                if (refused)
                {
                    if (await Problems.CheckAsync(response, 415, null) is { } problem)
                    {
                        failures.Add($"{endpoint} with '{contentType}': {problem}");
                    }
                }
                else if (status is 415 or >= 500)
                {
                    failures.Add($"{endpoint} with '{contentType}': {status} {await response.Content.ReadAsStringAsync()}");
                }
                else if (status >= 400 && await Problems.CheckAsync(response, status, null) is { } problem)
                {
                    failures.Add($"{endpoint} with '{contentType}': {problem}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }
}
