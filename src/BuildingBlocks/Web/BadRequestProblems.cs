using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace OrderManagement.BuildingBlocks.Web;

// The framework's BadHttpRequestException speaks to developers ("Implicit body inferred for parameter ... Did you mean
// to use a Service instead?"). A client gets the same facts in the API's words, with what to send instead; no framework
// sentence reaches it.
internal static partial class BadRequestProblems
{
    public static Task WriteAsync(HttpContext context, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResponses.WriteAsync(context, ProblemType.PayloadTooLarge, "Request bodies may be at most 256 KiB.");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ProblemResponses.WriteAsync(context, ProblemType.UnsupportedMediaType,
                "Send the body as JSON in UTF-8 with 'Content-Type: application/json'.");
        }

        if (bad.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            return ProblemResponses.WriteAsync(context, 408, "request-timeout", "The request body arrived too slowly.",
                "Send the whole body at once and retry.");
        }

        if (ExpectedBodyFields(context) is { } fields && BodyIsEmpty(context.Request))
        {
            var expected = $"A JSON body is required with the fields {string.Join(", ", fields)}.";
            return ProblemResponses.WriteAsync(context, ProblemType.MissingBody,
                expected + " See the request schema of this operation in /openapi/v1.json.",
                new Dictionary<string, string[]> { ["$"] = [expected] });
        }

        // A body that is there but binds to nothing: the JSON literal null.
        if (ExpectedBodyFields(context) is { } objectFields
            && (bad.Message.StartsWith("Implicit body", StringComparison.Ordinal) || bad.Message.EndsWith("from body.", StringComparison.Ordinal)))
        {
            var expected = $"The body must be a JSON object with the fields {string.Join(", ", objectFields)}, not null.";
            return ProblemResponses.WriteAsync(context, ProblemType.Validation,
                "Correct the fields listed in 'errors' and send the request again.", new Dictionary<string, string[]> { ["$"] = [expected] });
        }

        if (ParameterName().Match(bad.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return ProblemResponses.WriteAsync(context, ProblemType.Validation,
                "Correct the fields listed in 'errors' and send the request again.",
                new Dictionary<string, string[]> { [name] = [$"{name} is missing or has the wrong type (see /openapi/v1.json)."] });
        }

        return ProblemResponses.WriteAsync(context, ProblemType.BadRequest,
            "Check the path, query and body against this operation in /openapi/v1.json and send the request again.");
    }

    // The exception handler has cleared the request's endpoint by now; its feature keeps the one that failed.
    private static IReadOnlyList<string>? ExpectedBodyFields(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList()
            : null;

    private static bool BodyIsEmpty(HttpRequest request) =>
        request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0);

    // "Failed to bind parameter "int? limit" from "abc"." / "Required parameter "string sku" was not provided from route."
    [GeneratedRegex("""^(Failed to bind|Required) parameter "[^"]* (?<name>[A-Za-z0-9_]+)"[^\n]*\z""")]
    private static partial Regex ParameterName();
}
