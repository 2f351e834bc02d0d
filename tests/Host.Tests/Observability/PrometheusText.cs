using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderManagement.Host.Tests.Observability;

// Reads a scrape in the Prometheus text format: the sum of a metric's samples whose labels include the given ones.
public sealed partial class PrometheusText(string text)
{
    public string Text => text;

    public double Sum(string metric, params (string Label, string Value)[] labels) =>
        Sample().Matches(text)
            .Where(m => m.Groups["name"].Value == metric)
            .Where(m => labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    // Whether a sample of the metric with those labels is there at all (a series at 0 sums like a missing one).
    public bool Has(string metric, params (string Label, string Value)[] labels) =>
        Sample().Matches(text)
            .Any(m => m.Groups["name"].Value == metric
                && labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
