using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages.Orders;

// One order with everything about it, and its repairs (a dead letter's replay among them): preview first (nothing
// changes), then confirm with a reason.
public sealed class OrderPageModel(IOrderOperationsQueries orders, IOrderRepairs repairs, OutboxInspector outboxes, DeadLetterStore deadLetters, TimeProvider time)
    : PageModel
{
    public OrderDossier Dossier { get; private set; } = null!;

    public IReadOnlyList<PendingMessage> Messages { get; private set; } = [];

    // Why a dead letter of this order is moot (the order got past what it would have led to), by letter id.
    public IReadOnlyDictionary<Guid, string> Moot { get; private set; } = new Dictionary<Guid, string>();

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    // Set by a preview: what the repair would do, and the form that confirms it.
    public RepairConfirmation? Confirmation { get; private set; }

    public string? Reason { get; private set; }

    public string? Refusal { get; private set; }

    // Set when no order has the id asked for: the page says so (404) instead of showing the order.
    public Guid? MissingId { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    // A finished order (Delivered, Cancelled, Rejected) takes no repair: every one would be refused, so the page says why
    // instead of offering buttons that can only fail. The rules themselves stay in the repairs (a form sent anyway is refused).
    public string? FinishedBecause => Dossier.Order.Status is OrderStatus.Delivered or OrderStatus.Cancelled or OrderStatus.Rejected
        ? $"No repair applies: this order is {Dossier.Order.Status}, so it is finished; there is no step to retry and nothing left to cancel."
        : null;

    private string Operator => User.Identity?.Name ?? "unknown";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : Missing(id);

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, RepairKind kind, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (InvalidInput(reason) is { } invalid)
        {
            return await RefuseAsync(id, invalid, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var preview = await repairs.PreviewAsync(id, kind, Operator, reason!, cancellationToken);
        Confirmation = new RepairConfirmation(preview, RepairConfirmation.TitleOf(kind), $"/ops/orders/{id}?handler=apply",
            [new("kind", kind.ToString())], reason!, $"/ops/orders/{id}");
        return await LoadAsync(id, cancellationToken) ? Page() : Missing(id);
    }

    // A dead letter's replay is previewed like every other repair; its confirmation posts to OnPostReplayAsync.
    public async Task<IActionResult> OnPostPreviewReplayAsync(Guid id, Guid letterId, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (InvalidInput(reason) is { } invalid)
        {
            return await RefuseAsync(id, invalid, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (await repairs.ForeignDeadLetterAsync(id, letterId, cancellationToken) is { } foreign)
        {
            return await RefuseAsync(id, foreign, StatusCodes.Status404NotFound, cancellationToken);
        }

        var preview = await repairs.PreviewReplayAsync([letterId], Operator, reason!, cancellationToken);
        Confirmation = new RepairConfirmation(preview, RepairConfirmation.TitleOf(RepairKind.ReplayDeadLetter), $"/ops/orders/{id}?handler=replay",
            [new("letterId", letterId.ToString())], reason!, $"/ops/orders/{id}");
        return await LoadAsync(id, cancellationToken) ? Page() : Missing(id);
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, RepairKind kind, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (InvalidInput(reason) is { } invalid)
        {
            return await RefuseAsync(id, invalid, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var outcome = await repairs.ApplyAsync(id, kind, Operator, reason!, cancellationToken);
        if (!outcome.Applied)
        {
            return await RefuseAsync(id, outcome.Message, StatusCodes.Status409Conflict, cancellationToken);
        }

        Notice = outcome.Message;
        return Redirect($"/ops/orders/{id}");
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id, Guid letterId, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (InvalidInput(reason) is { } invalid)
        {
            return await RefuseAsync(id, invalid, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (await repairs.ForeignDeadLetterAsync(id, letterId, cancellationToken) is { } foreign)
        {
            return await RefuseAsync(id, foreign, StatusCodes.Status404NotFound, cancellationToken);
        }

        var outcome = await repairs.ReplayDeadLetterAsync(letterId, Operator, reason!, cancellationToken);
        if (!outcome.Applied)
        {
            return await RefuseAsync(id, outcome.Message, StatusCodes.Status409Conflict, cancellationToken);
        }

        Notice = outcome.Message;
        return Redirect($"/ops/orders/{id}");
    }

    // The form's own mistakes (400): a kind or dead-letter id that is not one (the binder leaves a default and an
    // error behind), or a reason missing or too long. A dead letter that is not this order's is a 404 (there is no such
    // letter on this page); a refusal by the order's state is a 409 from the repair itself.
    private string? InvalidInput(string? reason)
    {
        if (!ModelState.IsValid)
        {
            return string.Join(" ", ModelState.Where(e => e.Value?.Errors.Count > 0)
                .Select(e => $"'{e.Value!.AttemptedValue}' is not a valid {e.Key}."));
        }

        return string.IsNullOrWhiteSpace(reason) || reason.Length > 500
            ? "A reason of 1 to 500 characters is required: say why, for whoever reads this order's history next."
            : null;
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string refusal, int status, CancellationToken cancellationToken)
    {
        Refusal = refusal;
        if (!await LoadAsync(id, cancellationToken))
        {
            return Missing(id);
        }

        Response.StatusCode = status;
        return Page();
    }

    private PageResult Missing(Guid id)
    {
        MissingId = id;
        Response.StatusCode = StatusCodes.Status404NotFound;
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
        Moot = await deadLetters.WhyMootAsync(
            [.. Messages.SelectMany(m => m.DeadLetteredAt is { } failedAt ? [new DeadLetterAbout(m.Id, id, m.MessageType, failedAt)] : Array.Empty<DeadLetterAbout>())],
            cancellationToken);
        return true;
    }
}
