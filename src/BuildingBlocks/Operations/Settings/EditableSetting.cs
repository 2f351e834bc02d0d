using System.Globalization;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

// A configuration key operators may change at run time, and its bounds. A duration is written as hh:mm:ss (or
// d.hh:mm:ss); Min and Max are in seconds for durations, plain numbers for integers. Registered by the module that reads it,
// which must read it through IOptionsMonitor for a change to take effect without a restart. Default is the value the
// options class has when no configuration sets the key (shown as the value in effect then).
public sealed record EditableSetting(string Key, string Description, SettingKind Kind, double Min, double Max, string Default)
{
    public static EditableSetting Integer(string key, string description, int min, int max, int @default) =>
        new(key, description, SettingKind.Integer, min, max, @default.ToString(CultureInfo.InvariantCulture));

    public static EditableSetting Duration(string key, string description, TimeSpan min, TimeSpan max, TimeSpan @default) =>
        new(key, description, SettingKind.Duration, min.TotalSeconds, max.TotalSeconds, @default.ToString("c", CultureInfo.InvariantCulture));

    public string MinText => Text(Min);

    public string MaxText => Text(Max);

    private string Text(double bound) => Kind == SettingKind.Integer
        ? bound.ToString(CultureInfo.InvariantCulture)
        : TimeSpan.FromSeconds(bound).ToString("c", CultureInfo.InvariantCulture);

    public string? Validate(string value)
    {
        if (Kind == SettingKind.Integer)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max
                ? null
                : $"{Key} must be a whole number from {MinText} to {MaxText}.";
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && duration.TotalSeconds >= Min && duration.TotalSeconds <= Max
            ? null
            : $"{Key} must be a duration (hh:mm:ss) from {MinText} to {MaxText}.";
    }

    // The canonical text stored for a valid value, so "5" and "05" or "0:0:5" and "00:00:05" compare equal.
    public string Normalize(string value) => Kind == SettingKind.Integer
        ? int.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
        : TimeSpan.Parse(value, CultureInfo.InvariantCulture).ToString("c", CultureInfo.InvariantCulture);
}

public enum SettingKind
{
    Integer,
    Duration,
}
