using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages;

public sealed class DeadLettersModel(DeadLetterStore deadLetters, IOrderRepairs repairs) : PageModel
{
    public const int MaxReasonLength = 500;

    public IReadOnlyList<DeadLetterGroup> Groups { get; private set; } = [];

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    // Set when the list is narrowed to the letters one module sent (the overview's links).
    public string? From { get; private set; }

    public async Task OnGetAsync(string? from, CancellationToken cancellationToken)
    {
        From = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        Groups = [.. (await deadLetters.GroupsAsync(cancellationToken)).Where(g => From is null || string.Equals(g.From, From, StringComparison.OrdinalIgnoreCase))];
    }

    // The group is looked up again now, so letters replayed or added since the page was drawn are handled as they are.
    // The reason is checked once, as the order page checks it, so a form mistake is not a "replayed 0 of n".
    public async Task<IActionResult> OnPostReplayGroupAsync(string module, string messageType, string errorKind, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest,
                $"A reason of 1 to {MaxReasonLength} characters is required: say what was fixed before replaying.", cancellationToken);
        }

        var group = (await deadLetters.GroupsAsync(cancellationToken))
            .FirstOrDefault(g => g.Module == module && g.MessageType == messageType && g.ErrorKind == errorKind);
        if (group is null)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict, "That group has no dead letters any more.", cancellationToken);
        }

        var replayed = 0;
        var refusals = new List<string>();
        foreach (var letterId in group.LetterIds)
        {
            var outcome = await repairs.ReplayDeadLetterAsync(letterId, User.Identity?.Name ?? "unknown", reason, cancellationToken);
            if (outcome.Applied)
            {
                replayed++;
            }
            else
            {
                refusals.Add(outcome.Message);
            }
        }

        Notice = $"Replayed {replayed} of {group.Count} {messageType} to {module}."
            + (refusals.Count == 0 ? "" : " Not replayed: " + string.Join(" ", refusals.Distinct()));
        return Redirect("/ops/dead-letters");
    }

    private async Task<PageResult> RefuseAsync(int status, string refusal, CancellationToken cancellationToken)
    {
        Refusal = refusal;
        Response.StatusCode = status;
        Groups = await deadLetters.GroupsAsync(cancellationToken);
        return Page();
    }
}
