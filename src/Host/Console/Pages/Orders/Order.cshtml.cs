using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages.Orders;

// One order with everything about it, and its repairs: preview first (nothing changes), then confirm with a reason.
public sealed class OrderPageModel(IOrderOperationsQueries orders, IOrderRepairs repairs, OutboxInspector outboxes, TimeProvider time) : PageModel
{
    public OrderDossier Dossier { get; private set; } = null!;

    public IReadOnlyList<PendingMessage> Messages { get; private set; } = [];

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public RepairPreview? Preview { get; private set; }

    public string? Reason { get; private set; }

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    private string Operator => User.Identity?.Name ?? "unknown";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, RepairKind kind, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (string.IsNullOrWhiteSpace(reason))
        {
            return await RefuseAsync(id, "a reason is required: say why, for whoever reads this order's history next.", cancellationToken);
        }

        Preview = await repairs.PreviewAsync(id, kind, Operator, cancellationToken);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, RepairKind kind, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        var outcome = await repairs.ApplyAsync(id, kind, Operator, reason ?? "", cancellationToken);
        if (!outcome.Applied)
        {
            return await RefuseAsync(id, outcome.Message, cancellationToken);
        }

        Notice = outcome.Message;
        return Redirect($"/ops/orders/{id}");
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id, Guid letterId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await repairs.ReplayDeadLetterAsync(letterId, Operator, reason ?? "", cancellationToken);
        if (!outcome.Applied)
        {
            return await RefuseAsync(id, outcome.Message, cancellationToken);
        }

        Notice = outcome.Message;
        return Redirect($"/ops/orders/{id}");
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string refusal, CancellationToken cancellationToken)
    {
        Refusal = refusal;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await orders.GetDossierAsync(id, cancellationToken) is not { } dossier)
        {
            return false;
        }

        Dossier = dossier;
        Messages = await outboxes.AboutOrderAsync(id, cancellationToken);
        return true;
    }
}
