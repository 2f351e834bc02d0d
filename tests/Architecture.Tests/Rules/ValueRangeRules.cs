using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Architecture.Tests.Rules;

// Every value the API accepts must fit every column that stores it. Walks each column of a model: money is the one
// money type and holds the largest order total; text is unbounded (the edge validates lengths, the column must
// never be shorter); whole numbers are stored in a column as wide as their CLR type.
public static partial class ValueRangeRules
{
    public static IReadOnlyList<string> Violations(IModel model) =>
        [.. model.GetRelationalModel().Tables.SelectMany(table => table.Columns.Select(column => Violation(table, column)))
            .OfType<string>()];

    private static string? Violation(ITable table, IColumn column)
    {
        var property = column.PropertyMappings.FirstOrDefault()?.Property;
        if (property is null)
        {
            return null; // a JSON container column: its values are JSON numbers and strings, unbounded
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var storeType = column.StoreType.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var where = $"{table.Schema}.{table.Name}.{column.Name} ({column.StoreType})";
        return type switch
        {
            _ when type == typeof(decimal) && storeType != MoneyColumn.StoreType.Replace(" ", "", StringComparison.Ordinal) =>
                $"{where}: money must be stored as {MoneyColumn.StoreType} (configure it with IsMoney())",
            _ when type == typeof(decimal) && !Holds(storeType, PlaceOrderLimits.MaxTotal, PlaceOrderLimits.MoneyDecimals) =>
                $"{where}: cannot hold the largest order total {PlaceOrderLimits.MaxTotal} with {PlaceOrderLimits.MoneyDecimals} decimals",
            _ when type == typeof(string) && storeType is not ("text" or "jsonb") =>
                $"{where}: text must be stored unbounded as text; a length limit belongs in the validator",
            _ when type == typeof(int) && storeType is not ("integer" or "bigint") =>
                $"{where}: an int must be stored as integer or bigint",
            _ when type == typeof(long) && storeType != "bigint" =>
                $"{where}: a long must be stored as bigint",
            _ => null,
        };
    }

    private static bool Holds(string storeType, decimal value, int decimals)
    {
        var match = Numeric().Match(storeType);
        if (!match.Success)
        {
            return storeType == "numeric"; // unconstrained numeric holds any value
        }

        var precision = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var scale = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var integerDigits = decimal.Truncate(value).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return scale >= decimals && precision - scale >= integerDigits;
    }

    [GeneratedRegex(@"^numeric\((\d+),(\d+)\)\z")]
    private static partial Regex Numeric();
}
