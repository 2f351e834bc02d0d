using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace OrderManagement.BuildingBlocks.Web;

// Every error leaves as RFC 9457 problem+json with a type URI, a title, a detail that says what to do, and the trace id.
public static class ProblemResponses
{
    public const string TypeBase = "https://ordermanagement.example/problems/";

    public static ProblemDetails Create(HttpContext context, int status, string type, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + type,
            Title = title,
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = RequestTrace.Id(context);
        return problem;
    }

    public static Task WriteAsync(HttpContext context, ProblemType type, string detail, IDictionary<string, string[]>? errors = null) =>
        WriteAsync(context, type.Status, type.Name, type.Title, detail, errors);

    public static Task WriteAsync(HttpContext context, int status, string type, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        if (context.RequestServices?.GetService<IRefusalPages>() is { } pages && pages.Serves(context))
        {
            return pages.WriteAsync(context, status, title, detail, errors);
        }

        var problem = Create(context, status, type, title, detail);
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
