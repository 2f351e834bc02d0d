using System.Text.RegularExpressions;

namespace OrderManagement.Host.Console;

// A refusal the console shows under a form names the form's fields by the labels the operator sees, not by the
// names the request or the API uses ("placedTo must be after placedFrom" read as "'Placed before' must be after
// 'Placed from'").
internal static partial class FormLabels
{
    public static IEnumerable<string> Say(IEnumerable<string> messages, IReadOnlyDictionary<string, string> labels) =>
        messages.Select(message => Word().Replace(message, word => labels.TryGetValue(word.Value, out var label) ? $"'{label}'" : word.Value));

    // The labels the console's forms show, by the name each field is sent under (issue 11, L3: refusals said "customerId",
    // "Held", "apiKey"). A name no form shows (such as a page's cursor) is said as it is.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "Order id", ["orderId"] = "Order id", ["customerId"] = "Customer id", ["status"] = "Status", ["sku"] = "SKU",
        ["from"] = "Placed from", ["to"] = "Placed before", ["placedFrom"] = "Placed from", ["placedTo"] = "Placed before",
        ["held"] = "Held for review", ["reason"] = "Reason", ["apiKey"] = "Operator API key",
    };

    public static string Of(string field) => Fields.TryGetValue(field, out var label) ? $"'{label}'" : field;

    // "customerId must ..." as "'Customer id' must ...": only the message's leading field name is replaced.
    public static string Named(string field, string message) =>
        message.StartsWith(field + " ", StringComparison.Ordinal) ? Of(field) + message[field.Length..] : message;

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Word();
}
