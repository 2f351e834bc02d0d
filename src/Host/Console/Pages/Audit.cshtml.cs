using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Operations;

namespace OrderManagement.Host.Console.Pages;

public sealed class AuditModel(OperatorAuditLog audit) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    // Set when the list is narrowed to one order's actions; the next page keeps the narrowing.
    public Guid? OrderId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? before, Guid? orderId, CancellationToken cancellationToken)
    {
        if (before is < 1)
        {
            return ConsoleRefusalPage.Result(HttpContext, StatusCodes.Status400BadRequest,
                $"The position 'before={before}' is not valid: this page gives it in its own \"Older\" link. Open the first page and follow that link.");
        }

        OrderId = orderId;
        Entries = await audit.ListAsync(PageSize, before, orderId, cancellationToken);
        return Page();
    }

    public string OlderUrl() =>
        $"/ops/audit?before={Entries[^1].Id}" + (OrderId is { } orderId ? $"&orderId={orderId}" : "");
}
