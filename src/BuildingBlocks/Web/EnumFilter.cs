namespace OrderManagement.BuildingBlocks.Web;

// A query filter on an enum (`?status=`): the text as sent, and the member it names when it names one exactly as
// the contract spells it (api-contract.md); numbers, lists, another case or white space name none. Binding never
// fails (minimal APIs call TryParse), so the query's validator reports a bad value with every other bad field in one
// 400 validation problem. The OpenAPI document lists TEnum's names for it (Host/OpenApi/EnumFilterSchemas.cs).
public sealed record EnumFilter<TEnum>(string Text, TEnum? Value)
    where TEnum : struct, Enum
{
    public static bool TryParse(string? text, out EnumFilter<TEnum>? filter)
    {
        filter = text is null
            ? null
            : new EnumFilter<TEnum>(text, Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<TEnum>(text) : null);
        return true;
    }

    // "status must be one of Pending, Confirmed, ...": the 400's entry for a value that names no member.
    public static string MustBeOneOf(string name) => $"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.";
}
