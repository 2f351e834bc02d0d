using Microsoft.AspNetCore.Http;

namespace OrderManagement.BuildingBlocks.Web;

// Route values, query values and header values holding control characters are refused before anything reads them.
// .NET lets a trailing "\n" through its pattern checks ('$' matches before it) and its parsers (int, Guid and enum
// parsing skip white space), and a value with CR or LF would otherwise be stored, logged or matched as if it were
// clean. Body fields are checked by each endpoint's validator (patterns anchored with \z).
internal sealed class ControlCharacterGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (context.GetEndpoint() is null)
        {
            Check(errors, "path", context.Request.Path.Value);
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            Check(errors, name, value as string);
        }

        foreach (var (name, values) in context.Request.Query)
        {
            CheckAll(errors, name, values);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            CheckAll(errors, name, values);
        }

        return errors.Count == 0
            ? next(context)
            : ProblemResponses.WriteAsync(context, 400, "control-characters", "The request holds control characters.",
                "Remove the control characters (such as a trailing newline or carriage return) from the values listed in 'errors' and send the request again.",
                errors);
    }

    private static void CheckAll(Dictionary<string, string[]> errors, string name, IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            Check(errors, name, value);
        }
    }

    // Horizontal tab is allowed inside header values (RFC 9110 section 5.5); nowhere else.
    private static void Check(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (value is not null && value.Any(c => char.IsControl(c) && c != '\t'))
        {
            errors[name] = [$"{name} must not contain control characters."];
        }
    }
}
