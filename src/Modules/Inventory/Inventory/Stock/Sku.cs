using System.Text.RegularExpressions;

namespace OrderManagement.Inventory.Stock;

internal static partial class Sku
{
    public const string Rule = "1 to 64 characters of A-Z a-z 0-9 - _ .";

    public static bool IsValid(string? sku) => sku is not null && Pattern().IsMatch(sku);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex Pattern();
}
