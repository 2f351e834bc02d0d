using OrderManagement.BuildingBlocks.Operations.Settings;

namespace OrderManagement.Host.Console.Pages;

// Which fields of a posted settings form the operator edited, and which of those someone else changed meanwhile.
internal static class SettingsEdits
{
    // A field is edited when its posted value differs from the value it was rendered with (a form without rendered
    // values, from before they were sent, is compared with the value in effect). Unknown keys are kept so that the
    // store refuses them by name.
    public static Dictionary<string, string> Edited(
        Dictionary<string, string> values, Dictionary<string, string> rendered, Dictionary<string, SettingValue> current) =>
        values
            .Select(v => (v.Key, Value: (v.Value ?? "").Trim()))
            .Where(v => !current.TryGetValue(v.Key, out var setting)
                || (rendered.TryGetValue(v.Key, out var before)
                    ? v.Value != (before ?? "").Trim()
                    : v.Value != setting.Value && v.Value != SettingsModel.Shown(setting.Value)))
            .ToDictionary(v => v.Key, v => v.Value);

    // One sentence per edited field whose value in effect is no longer the one the page was rendered with.
    public static List<string> ChangedSinceRendered(
        IEnumerable<string> edited, Dictionary<string, string> rendered, Dictionary<string, SettingValue> current) =>
        [.. edited
            .Where(key => current.ContainsKey(key) && rendered.ContainsKey(key))
            .Select(key => (Setting: current[key], Before: (rendered[key] ?? "").Trim()))
            .Where(c => c.Before != c.Setting.Value && c.Before != SettingsModel.Shown(c.Setting.Value))
            .Select(c => $"{c.Setting.Key} was changed to {SettingsModel.Shown(c.Setting.Value)} by "
                + (c.Setting.ChangedBy is null ? "the deployment" : $"{c.Setting.ChangedBy} at {Show.Time(c.Setting.ChangedAt)}")
                + $" after this page showed {c.Before}.")];
}
