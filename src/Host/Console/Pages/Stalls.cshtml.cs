using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages;

public sealed class StallsModel(IOrderOperationsQueries orders) : PageModel
{
    // A page's cursor is only ever one its own "Next page" link gave; anything else is refused, never quietly replaced by
    // the first page (a 302 before), so a wrong address is noticed.
    public static string InvalidCursor(string? cursor) =>
        $"The cursor '{cursor}' is not valid: this page gives its cursor in its own \"Next page\" link. Open the first page and follow that link.";

    public StallPage Stalls { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(string? cursor, CancellationToken cancellationToken)
    {
        try
        {
            Stalls = await orders.ListStallsAsync(50, cursor, cancellationToken);
            return Page();
        }
        catch (RequestValidationException)
        {
            return ConsoleRefusalPage.Result(HttpContext, StatusCodes.Status400BadRequest, InvalidCursor(cursor));
        }
    }
}
