using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Operations;

namespace OrderManagement.Host.Console.Pages;

public sealed class AuditModel(OperatorAuditLog audit) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(long? before, Guid? orderId, CancellationToken cancellationToken) =>
        Entries = await audit.ListAsync(PageSize, before, orderId, cancellationToken);
}
