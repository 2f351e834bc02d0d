using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Operations.Settings;

namespace OrderManagement.Host.Console.Pages;

// Only the values that differ from what is in effect are sent, so saving one field leaves the others alone.
public sealed class SettingsModel(SettingsStore store) : PageModel
{
    public IReadOnlyList<SettingValue> Settings { get; private set; } = [];

    public IReadOnlyList<SettingChange> Changes { get; private set; } = [];

    public Dictionary<string, string> Submitted { get; private set; } = [];

    public List<string> Errors { get; } = [];

    [TempData]
    public string? Notice { get; set; }

    // A duration in words with its unit ("500 ms", "30 s"), never a raw TimeSpan; anything else as stored.
    public static string Shown(string value) => SettingDurations.WordsOrText(value);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Dictionary<string, string> values, string? reason, CancellationToken cancellationToken)
    {
        Submitted = values;
        var current = (await store.CurrentAsync(cancellationToken)).ToDictionary(s => s.Key);
        var changed = values
            .Where(v => current.TryGetValue(v.Key, out var setting) && (v.Value ?? "").Trim() is var value && value != setting.Value && value != Shown(setting.Value))
            .ToDictionary(v => v.Key, v => (v.Value ?? "").Trim());
        try
        {
            var made = await store.ChangeAsync(changed, User.Identity?.Name ?? "unknown", reason, cancellationToken);
            Notice = made.Count == 0 ? "Nothing changed." : "Saved: " + string.Join("; ", made.Select(c => $"{c.Key} {(c.OldValue is null ? "(unset)" : Shown(c.OldValue))} → {Shown(c.NewValue)}"));
            return Redirect("/ops/settings");
        }
        catch (RequestValidationException invalid)
        {
            Errors.AddRange(invalid.Errors.SelectMany(e => e.Value));
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
