using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Operations.Settings;

namespace OrderManagement.Host.Console.Pages;

// The form sends, with each value, the value the field had when the page was rendered (rendered[key]). Only the fields
// the operator edited (posted value differs from rendered) are changed, so a stale page cannot undo another
// operator's change to a field it did not touch; and an edited field that someone else changed since the page was
// rendered is refused (409) naming the setting, its value now and who changed it, with nothing changed.
public sealed class SettingsModel(SettingsStore store) : PageModel
{
    public IReadOnlyList<SettingValue> Settings { get; private set; } = [];

    public IReadOnlyList<SettingChange> Changes { get; private set; } = [];

    // The fields the operator edited, shown again in their inputs when the form is refused for a bad value.
    public Dictionary<string, string> Submitted { get; private set; } = [];

    // What each field showed when the form was rendered; kept when the form is shown again for a bad value.
    public Dictionary<string, string> Rendered { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    // A duration in words with its unit ("500 ms", "30 s"), never a raw TimeSpan; anything else as stored.
    public static string Shown(string value) => SettingDurations.WordsOrText(value);

    public string RenderedValue(SettingValue setting) => Rendered.GetValueOrDefault(setting.Key) ?? Shown(setting.Value);

    public string InputValue(SettingValue setting) => Submitted.GetValueOrDefault(setting.Key) ?? RenderedValue(setting);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Dictionary<string, string> values, Dictionary<string, string> rendered, string? reason,
        CancellationToken cancellationToken)
    {
        var current = (await store.CurrentAsync(cancellationToken)).ToDictionary(s => s.Key);
        var edited = SettingsEdits.Edited(values, rendered, current);
        if (edited.Count == 0)
        {
            Notice = "Nothing changed.";
            return Redirect("/ops/settings");
        }

        if (SettingsEdits.ChangedSinceRendered(edited.Keys, rendered, current) is { Count: > 0 } conflicts)
        {
            Refusal = "Nothing was saved: " + string.Join(" ", conflicts) + " Check the new value and save again if your change still applies.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var made = await store.ChangeAsync(edited, User.Identity?.Name ?? "unknown", reason, cancellationToken);
            Notice = made.Count == 0 ? "Nothing changed." : "Saved: " + string.Join("; ", made.Select(c => $"{c.Key} {(c.OldValue is null ? "(unset)" : Shown(c.OldValue))} → {Shown(c.NewValue)}"));
            return Redirect("/ops/settings");
        }
        catch (RequestValidationException invalid)
        {
            Errors.AddRange(invalid.Errors.SelectMany(e => e.Value));
            Submitted = edited;
            Rendered = rendered;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await store.CurrentAsync(cancellationToken);
        Changes = await store.ChangesAsync(50, cancellationToken);
    }
}
