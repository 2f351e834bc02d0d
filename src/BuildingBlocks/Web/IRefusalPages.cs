using Microsoft.AspNetCore.Http;

namespace OrderManagement.BuildingBlocks.Web;

// A part of the site that answers people in a browser, not programs (the operations console), writes the refusals made
// before its pages run (a control character in the address, a request too large, the database unreachable) as its own
// page instead of problem+json. ProblemResponses asks it first.
public interface IRefusalPages
{
    bool Serves(HttpContext context);

    Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors);
}
