using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages;

public sealed class StallsModel(IOrderOperationsQueries orders) : PageModel
{
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
            return Redirect("/ops/stalls");
        }
    }
}
