using System.Text.RegularExpressions;

namespace OrderManagement.Host.Console;

// A refusal the console shows under a form names the form's fields by the labels the operator sees, not by the
// names the request or the API uses ("placedTo must be after placedFrom" read as "'Placed before' must be after
// 'Placed from'").
internal static partial class FormLabels
{
    public static IEnumerable<string> Say(IEnumerable<string> messages, IReadOnlyDictionary<string, string> labels) =>
        messages.Select(message => Word().Replace(message, word => labels.TryGetValue(word.Value, out var label) ? $"'{label}'" : word.Value));

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Word();
}
