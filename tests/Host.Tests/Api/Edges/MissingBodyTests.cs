using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// A body-taking endpoint called without its body answers in our words: a 400 problem naming the fields it expects,
// never a framework sentence ("Implicit body inferred for parameter ...").
[Collection(ApiCollection.Name)]
public sealed class MissingBodyTests(ApiFactory api) : IAsyncLifetime
{
    private static readonly string[] FrameworkWords =
        ["Implicit body", "Did you mean", "Failed to bind", "parameter \"", "Microsoft.", "System.", "was not provided", "Required parameter"];

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_every_body_reading_endpoint_When_the_body_is_missing_or_empty_Then_a_400_problem_names_the_expected_fields()
    {
        var endpoints = AppEndpoint.Api(api.Services).Where(e => e.ReadsBody).ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(4);
        var client = api.CreateClient();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var template = new RawRequest(endpoint.ToString(), new HttpMethod(endpoint.Method), endpoint.PathWith(), endpoint.ApiKey, 400);
            foreach (var (name, request) in new[] { ("no body", template with { ContentType = null }), ("empty JSON body", template with { Body = [] }) })
            {
                using var response = await client.SendAsync(request.ToMessage());
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500 || FrameworkWords.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } word)
                {
                    failures.Add($"{endpoint} {name}: {status} {text}");
                    continue;
                }

                if (endpoint.Accepts!.IsOptional && status != 400)
                {
                    continue;
                }

                if (await Problems.CheckAsync(response, 400, null) is { } problem)
                {
                    failures.Add($"{endpoint} {name}: {problem}");
                    continue;
                }

                var body = JsonNode.Parse(text)!.AsObject();
                var explained = body["detail"]!.GetValue<string>() + " " + body["errors"]?.ToJsonString();
                foreach (var field in endpoint.BodyFields.Where(f => !explained.Contains(f, StringComparison.Ordinal)))
                {
                    failures.Add($"{endpoint} {name}: the problem does not name the field '{field}': {text}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    // Valid JSON of the wrong shape is not "not valid JSON": the answer says an object is expected (issue 15 point 5).
    [Fact]
    public async Task Given_every_body_reading_endpoint_When_the_body_is_valid_JSON_but_not_an_object_Then_the_400_says_an_object_is_expected()
    {
        var client = api.CreateClient();
        var failures = new List<string>();
        foreach (var endpoint in AppEndpoint.Api(api.Services).Where(e => e.ReadsBody))
        {
            // JSON null where the body is optional is no body at all (the storefront's cancel).
            foreach (var json in new[] { "[1,2]", "\"text\"", "42", "null" }.Where(j => j != "null" || !endpoint.Accepts!.IsOptional))
            {
                var request = new RawRequest(endpoint.ToString(), new HttpMethod(endpoint.Method), endpoint.PathWith(), endpoint.ApiKey, 400)
                {
                    Body = System.Text.Encoding.UTF8.GetBytes(json),
                };
                using var response = await client.SendAsync(request.ToMessage());
                var text = await response.Content.ReadAsStringAsync();
                if (await Problems.CheckAsync(response, 400, null) is { } problem)
                {
                    failures.Add($"{endpoint} {json}: {problem}");
                }
                else if (!text.Contains("must be a JSON object", StringComparison.Ordinal) || text.Contains("not valid JSON.", StringComparison.Ordinal))
                {
                    failures.Add($"{endpoint} {json}: {text}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    // Valid JSON with a value of the wrong type says so, and only malformed JSON is called "not valid JSON".
    [Theory]
    [InlineData("{\"onHand\":\"12\"}", "onHand", "wrong type")]
    [InlineData("{\"onHand\":true}", "onHand", "wrong type")]
    [InlineData("{\"onHand\":", "$", "not valid JSON")]
    public async Task Given_a_field_of_the_wrong_type_or_malformed_JSON_When_sent_Then_the_error_says_which(string body, string field, string says)
    {
        var request = new RawRequest("set stock", HttpMethod.Put, "/api/v1/inventory/TYPE-SKU", ApiFactory.OperatorKey, 400) { Body = System.Text.Encoding.UTF8.GetBytes(body) };

        using var response = await api.CreateClient().SendAsync(request.ToMessage());

        (await Problems.CheckAsync(response, 400, null)).ShouldBeNull();
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        errors.ToJsonString().ShouldContain(says);
        if (field != "$")
        {
            errors.ContainsKey(field).ShouldBeTrue(errors.ToJsonString());
        }
    }
}
