using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages;

public sealed class DeadLettersModel(DeadLetterStore deadLetters, IOrderRepairs repairs) : PageModel
{
    public IReadOnlyList<DeadLetterGroup> Groups { get; private set; } = [];

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await deadLetters.GroupsAsync(cancellationToken);

    // The group is looked up again now, so letters replayed or added since the page was drawn are handled as they are.
    public async Task<IActionResult> OnPostReplayGroupAsync(string module, string messageType, string errorKind, string? reason, CancellationToken cancellationToken)
    {
        var group = (await deadLetters.GroupsAsync(cancellationToken))
            .FirstOrDefault(g => g.Module == module && g.MessageType == messageType && g.ErrorKind == errorKind);
        if (string.IsNullOrWhiteSpace(reason) || group is null)
        {
            Refusal = group is null ? "That group has no dead letters any more." : "A reason is required: say what was fixed before replaying.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            Groups = await deadLetters.GroupsAsync(cancellationToken);
            return Page();
        }

        var replayed = 0;
        foreach (var letterId in group.LetterIds)
        {
            if ((await repairs.ReplayDeadLetterAsync(letterId, User.Identity?.Name ?? "unknown", reason, cancellationToken)).Applied)
            {
                replayed++;
            }
        }

        Notice = $"Replayed {replayed} of {group.Count} {messageType} to {module}.";
        return Redirect("/ops/dead-letters");
    }
}
