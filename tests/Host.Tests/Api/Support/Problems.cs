using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderManagement.Host.Tests.Api.Support;

// Checks an error response against the contract: RFC 9457 problem+json with type, title, status, detail, traceId,
// and for validation errors an 'errors' object from field path to messages.
public static class Problems
{
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string? errorKey = null)
    {
        var failure = await CheckAsync(response, status, errorKey);
        failure.ShouldBeNull();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    // Null when the response is the expected problem, otherwise what is wrong with it.
    public static async Task<string?> CheckAsync(HttpResponseMessage response, int status, string? errorKey)
    {
        var text = await response.Content.ReadAsStringAsync();
        var actual = (int)response.StatusCode;
        if (actual != status)
        {
            return $"status {actual} instead of {status}: {Trim(text)}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType} instead of application/problem+json";
        }

        JsonObject problem;
        try
        {
            problem = JsonNode.Parse(text)!.AsObject();
        }
        catch (JsonException)
        {
            return $"body is not JSON: {Trim(text)}";
        }

        foreach (var field in (string[])["type", "title", "detail", "traceId"])
        {
            if (problem[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
            {
                return $"problem field '{field}' missing or empty: {Trim(text)}";
            }
        }

        if (problem["status"] is not JsonValue statusValue || statusValue.GetValueKind() != JsonValueKind.Number || statusValue.GetValue<int>() != status)
        {
            return $"problem status is not {status}: {Trim(text)}";
        }

        if (errorKey is not null && !HasErrorFor(problem, errorKey))
        {
            return $"'errors' has no non-empty entry for '{errorKey}': {Trim(text)}";
        }

        return null;
    }

    private static bool HasErrorFor(JsonObject problem, string key) =>
        problem["errors"] is JsonObject errors
        && errors[key] is JsonArray messages
        && messages.Count > 0
        && messages.All(m => m is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0);

    private static string Trim(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
