using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages;

// A group's replay is previewed like every other repair, and the confirmation replays the letters the preview named
// (a letter that joined the group since is left for the next preview; one replayed since is reported as such).
public sealed class DeadLettersModel(DeadLetterStore deadLetters, IOrderRepairs repairs) : PageModel
{
    public const int MaxReasonLength = 500;

    public IReadOnlyList<DeadLetterGroup> Groups { get; private set; } = [];

    // Letters made moot since they failed (their order got past what they would have led to): listed apart, in no group.
    public IReadOnlyList<MootDeadLetter> Moot { get; private set; } = [];

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    // Set when the list is narrowed to the letters one module sent (the overview's links).
    public string? From { get; private set; }

    // Set by a group's preview: what its replay would do, and the form that confirms it.
    public RepairConfirmation? Confirmation { get; private set; }

    private string Operator => User.Identity?.Name ?? "unknown";

    public async Task<IActionResult> OnGetAsync(string? from, CancellationToken cancellationToken)
    {
        if (from is not null && SenderOf(from) is null)
        {
            return ConsoleRefusalPage.Result(HttpContext, StatusCodes.Status400BadRequest,
                $"There is no module '{from}' to narrow the dead letters to: from= takes one of {string.Join(", ", deadLetters.Senders)}. " +
                "Correct it, or open the dead letters without it.");
        }

        await LoadAsync(from, cancellationToken);
        return Page();
    }

    // A group is named by all four of its keys: two senders' letters of one type, module and error kind are two groups.
    public async Task<IActionResult> OnPostPreviewGroupAsync(string module, string messageType, string errorKind, string sender, string? reason,
        string? from, CancellationToken cancellationToken)
    {
        if (InvalidReason(reason) is { } invalid)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, invalid, from, cancellationToken);
        }

        if (await GroupAsync(module, messageType, errorKind, sender, cancellationToken) is not { } group)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict, NoLongerDead, from, cancellationToken);
        }

        var preview = await repairs.PreviewReplayAsync(group.LetterIds, Operator, reason!, cancellationToken);
        List<KeyValuePair<string, string>> fields =
        [
            new("module", module), new("messageType", messageType), new("errorKind", errorKind), new("sender", sender), new("from", from ?? ""),
            .. group.LetterIds.Select(id => new KeyValuePair<string, string>("letterIds", id.ToString())),
        ];
        Confirmation = new RepairConfirmation(preview, $"replay {Letters(group.Count)} of {Name(group)}", "/ops/dead-letters?handler=replayGroup",
            fields, reason!, ListUrl(from));
        await LoadAsync(from, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplayGroupAsync(string module, string messageType, string errorKind, string sender, Guid[] letterIds,
        string? reason, string? from, CancellationToken cancellationToken)
    {
        if (InvalidReason(reason) is { } invalid)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, invalid, from, cancellationToken);
        }

        if (letterIds.Length == 0)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest,
                "This confirmation names no dead letters: preview the group's replay first, then confirm it.", from, cancellationToken);
        }

        var replayed = 0;
        var refusals = new List<string>();
        foreach (var letterId in letterIds.Distinct())
        {
            var outcome = await repairs.ReplayDeadLetterAsync(letterId, Operator, reason!, cancellationToken);
            if (outcome.Applied)
            {
                replayed++;
            }
            else
            {
                refusals.Add(outcome.Message);
            }
        }

        var name = $"{messageType} from {sender} to {module} ({errorKind})";
        if (replayed == 0)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict, $"No dead letter of {name} was replayed. " + string.Join(" ", refusals.Distinct()), from,
                cancellationToken);
        }

        Notice = $"Replayed {Letters(replayed)} of {name}: they are back in line with fresh attempts, and each replay is in its order's history and the audit."
            + (refusals.Count == 0 ? "" : $" Not replayed ({refusals.Count}): " + string.Join(" ", refusals.Distinct()));
        return Redirect(ListUrl(from));
    }

    private const string NoLongerDead = "That group has no dead letters any more: they were replayed or delivered since the page was drawn.";

    private static string Letters(long count) => count == 1 ? "1 dead letter" : $"{count} dead letters";

    private static string Name(DeadLetterGroup group) => $"{group.MessageType} from {group.From} to {group.Module} ({group.ErrorKind})";

    private string ListUrl(string? from) =>
        from is not null && SenderOf(from) is { } sender ? $"/ops/dead-letters?from={sender}" : "/ops/dead-letters";

    private static string? InvalidReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength
            ? $"A reason of 1 to {MaxReasonLength} characters is required: say what was fixed before replaying."
            : null;

    private string? SenderOf(string from) =>
        deadLetters.Senders.FirstOrDefault(sender => string.Equals(sender, from.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<DeadLetterGroup?> GroupAsync(string module, string messageType, string errorKind, string sender, CancellationToken cancellationToken) =>
        (await deadLetters.GroupsAsync(cancellationToken))
            .FirstOrDefault(g => g.Module == module && g.MessageType == messageType && g.ErrorKind == errorKind && g.From == sender);

    private async Task LoadAsync(string? from, CancellationToken cancellationToken)
    {
        From = from is null ? null : SenderOf(from);
        var triage = await deadLetters.TriageAsync(cancellationToken);
        Groups = [.. triage.Groups.Where(g => From is null || string.Equals(g.From, From, StringComparison.OrdinalIgnoreCase))];
        Moot = [.. triage.Moot.Where(l => From is null || string.Equals(l.From, From, StringComparison.OrdinalIgnoreCase))];
    }

    private async Task<PageResult> RefuseAsync(int status, string refusal, string? from, CancellationToken cancellationToken)
    {
        Refusal = refusal;
        Response.StatusCode = status;
        await LoadAsync(from, cancellationToken);
        return Page();
    }
}
