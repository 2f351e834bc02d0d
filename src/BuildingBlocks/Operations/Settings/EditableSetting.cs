using System.Globalization;
using System.Text.Json.Serialization;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

// A configuration key operators may change at run time, and its bounds. A duration is written with its unit (30 s, 2 min)
// or as hh:mm:ss (or d.hh:mm:ss), and stored as [d.]hh:mm:ss; Min and Max are in seconds for durations, plain numbers for integers, 0 and 1 for a flag (written
// false and true), and the number of items for a list (items separated by commas, each meeting IsItem; the empty
// list is written "none"). Registered by the module that reads it,
// which must read it through IOptionsMonitor for a change to take effect without a restart. Default is the value the
// options class has when no configuration sets the key (shown as the value in effect then).
public sealed record EditableSetting(string Key, string Description, SettingKind Kind, double Min, double Max, string Default)
{
    public const string EmptyList = "none";

    // A list's items: the rule each must meet (the owning module's, e.g. "an assigned ISO 3166-1 alpha-2 code"), and what
    // it means in an error message.
    public Func<string, bool>? IsItem { get; private init; }

    public string? ItemDescription { get; private init; }

    public static EditableSetting Integer(string key, string description, int min, int max, int @default) =>
        new(key, description, SettingKind.Integer, min, max, @default.ToString(CultureInfo.InvariantCulture));

    public static EditableSetting Duration(string key, string description, TimeSpan min, TimeSpan max, TimeSpan @default) =>
        new(key, description, SettingKind.Duration, min.TotalSeconds, max.TotalSeconds, @default.ToString("c", CultureInfo.InvariantCulture));

    public static EditableSetting Flag(string key, string description, bool @default) =>
        new(key, description, SettingKind.Flag, 0, 1, @default ? "true" : "false");

    // isItem: the rule each item must meet (a set of known codes, or an anchored [GeneratedRegex]'s IsMatch);
    // itemDescription names it in the error ("assigned ISO 3166-1 alpha-2 country codes in capitals").
    public static EditableSetting List(string key, string description, Func<string, bool> isItem, string itemDescription, int maxItems, IEnumerable<string> @default) =>
        new(key, description, SettingKind.List, 0, maxItems, ListText(@default)) { IsItem = isItem, ItemDescription = itemDescription };

    // The items of a list setting's value (none for "none" or an empty value).
    public static IReadOnlyList<string> ItemsOf(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == EmptyList
            ? []
            : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string ListText(IEnumerable<string> items) => items.Any() ? string.Join(",", items) : EmptyList;

    // Min and Max are bounds of the value itself only for whole numbers and durations; a flag has two values and a list
    // a number of items (MaxItems), so neither shows a "min"/"max" (issue 11: a list was shown as "min 0 / max 100").
    public bool HasBounds => Kind is SettingKind.Integer or SettingKind.Duration;

    public string? MinText => HasBounds ? Text(Min) : null;

    public string? MaxText => HasBounds ? Text(Max) : null;

    public int? MaxItems => Kind == SettingKind.List ? (int)Max : null;

    // What the setting takes, in words, for people: "1 to 20", "1 s to 1 h", "true or false", "none, or up to 100 ...".
    public string Allowed => Kind switch
    {
        SettingKind.Integer => $"a whole number from {MinText} to {MaxText}",
        SettingKind.Duration => $"a duration from {SettingDurations.Words(TimeSpan.FromSeconds(Min))} to {SettingDurations.Words(TimeSpan.FromSeconds(Max))}",
        SettingKind.Flag => "true or false",
        _ => $"{EmptyList}, or up to {MaxItems} {ItemDescription}, separated by commas",
    };

    private string Text(double bound) => Kind == SettingKind.Integer
        ? bound.ToString(CultureInfo.InvariantCulture)
        : TimeSpan.FromSeconds(bound).ToString("c", CultureInfo.InvariantCulture);

    public string? Validate(string value)
    {
        if (Kind == SettingKind.Flag)
        {
            return bool.TryParse(value, out _) ? null : $"{Key} must be true or false.";
        }

        if (Kind == SettingKind.List)
        {
            return ListProblems(value) is { Count: > 0 } problems
                ? $"{Key}: {string.Join("; ", problems)}. Write {EmptyList}, or up to {MaxItems} {ItemDescription} separated by commas."
                : null;
        }

        if (Kind == SettingKind.Integer)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max
                ? null
                : $"{Key} must be a whole number from {MinText} to {MaxText}.";
        }

        return SettingDurations.TryParse(value, out var duration) && duration.TotalSeconds >= Min && duration.TotalSeconds <= Max
            ? null
            : $"{Key} must be a duration from {SettingDurations.Words(TimeSpan.FromSeconds(Min))} ({MinText}) to " +
              $"{SettingDurations.Words(TimeSpan.FromSeconds(Max))} ({MaxText}), written with its unit (500 ms, 30 s, 2 min, 1 h, 1 d) or as [d.]hh:mm:ss.";
    }

    // Each entry on its own: an empty one ("XX,,") is a mistake, not nothing (issue 11).
    private List<string> ListProblems(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() == EmptyList)
        {
            return [];
        }

        var entries = value.Split(',');
        var problems = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                problems.Add($"entry {i + 1} is empty");
            }
            else if (!IsItem!(entry))
            {
                problems.Add($"entry {i + 1} '{entry}' is not one of the {ItemDescription}");
            }
        }

        if (entries.Length > Max)
        {
            problems.Add($"{entries.Length} entries are more than {MaxItems}");
        }

        return problems;
    }

    // The canonical text stored for a valid value, so "5" and "05" or "0:0:5" and "00:00:05" compare equal.
    public string Normalize(string value) => Kind switch
    {
        SettingKind.Integer => int.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        SettingKind.Flag => bool.Parse(value) ? "true" : "false",
        SettingKind.List => ListText(ItemsOf(value)),
        _ => SettingDurations.Parse(value).ToString("c", CultureInfo.InvariantCulture),
    };
}

// What a setting takes (GET /api/v1/ops/settings `kind`), written in JSON by its name.
[JsonConverter(typeof(JsonStringEnumConverter<SettingKind>))]
public enum SettingKind
{
    Integer,
    Duration,
    Flag,
    List,
}
