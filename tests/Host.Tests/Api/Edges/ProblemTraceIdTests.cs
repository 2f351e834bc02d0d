using System.Diagnostics;
using System.Net;
using System.Text;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// A problem's traceId is the request's W3C trace id (the one on its log lines and in the tracing backend), whichever
// part of the host wrote the problem: the API's own refusals, the framework's answers, the exception handler.
[Collection(ApiCollection.Name)]
public sealed class ProblemTraceIdTests(ApiFactory api)
{
    public static TheoryData<string> Cases() => new(Requests.Keys);

    private static readonly Dictionary<string, (HttpMethod Method, string Path, string? Key, string? Body, HttpStatusCode Status)> Requests = new()
    {
        ["validation (the API's refusal)"] = (HttpMethod.Post, "/api/v1/orders", ApiFactory.StorefrontKey, "{\"customerId\":\"\"}", HttpStatusCode.BadRequest),
        ["malformed JSON"] = (HttpMethod.Post, "/api/v1/orders", ApiFactory.StorefrontKey, "{\"customerId\":", HttpStatusCode.BadRequest),
        ["no API key"] = (HttpMethod.Get, "/api/v1/inventory/TRACE-SKU", null, null, HttpStatusCode.Unauthorized),
        ["no such path (the framework's answer)"] = (HttpMethod.Get, "/api/v1/nothing-here", ApiFactory.StorefrontKey, null, HttpStatusCode.NotFound),
        ["wrong method"] = (HttpMethod.Delete, "/api/v1/inventory/TRACE-SKU", ApiFactory.OperatorKey, null, HttpStatusCode.MethodNotAllowed),
        ["unknown order"] = (HttpMethod.Get, $"/api/v1/orders/{Guid.Empty}", ApiFactory.StorefrontKey, null, HttpStatusCode.NotFound),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Given_a_traced_request_that_fails_When_the_problem_is_read_Then_its_traceId_is_the_request_trace_id(string name)
    {
        var (method, path, key, body, status) = Requests[name];
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("X-Correlation-Id", "corr-" + Guid.NewGuid().ToString("N"));
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await api.CreateClient().SendAsync(request);

        var problem = await response.ShouldBeProblemAsync((int)status);
        problem.Text("traceId").ShouldBe(traceId.ToHexString(), name);
    }

    [Fact]
    public async Task Given_a_request_without_traceparent_When_it_fails_Then_its_traceId_is_a_trace_id_not_the_correlation_id()
    {
        using var response = await api.ClientWithKey(null).GetAsync("/api/v1/inventory/TRACE-SKU");

        var problem = await response.ShouldBeProblemAsync(401);
        var traceId = problem.Text("traceId")!;
        traceId.ShouldMatch("^[0-9a-f]{32}$");
        traceId.ShouldNotBe("00000000000000000000000000000000");
        traceId.ShouldNotBe(response.Headers.GetValues("X-Correlation-Id").Single());
    }
}
