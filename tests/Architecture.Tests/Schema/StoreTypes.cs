namespace OrderManagement.Architecture.Tests.Schema;

// EF and PostgreSQL spell the same type differently (integer/int4, timestamptz/timestamp with time zone):
// both sides are brought to PostgreSQL's canonical spelling before they are compared.
public static class StoreTypes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int2"] = "smallint",
        ["int8"] = "bigint",
        ["bool"] = "boolean",
        ["float4"] = "real",
        ["float8"] = "double precision",
        ["decimal"] = "numeric",
        ["varchar"] = "character varying",
        ["char"] = "character",
        ["bpchar"] = "character",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone",
        ["time"] = "time without time zone",
    };

    // PostgreSQL's system columns never appear in information_schema; xmin serves as a concurrency token.
    public static readonly IReadOnlySet<string> SystemColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        "xmin", "xmax", "cmin", "cmax", "ctid", "tableoid",
    };

    public static string Normalise(string storeType)
    {
        var type = string.Join(' ', storeType.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var isArray = type.EndsWith("[]", StringComparison.Ordinal);
        if (isArray)
        {
            type = type[..^2];
        }

        // The modifier goes last on both sides: PostgreSQL writes "timestamp(3) with time zone" but "numeric(14,2)".
        var (name, modifier) = (type, "");
        var open = type.IndexOf('(', StringComparison.Ordinal);
        var close = type.IndexOf(')', StringComparison.Ordinal);
        if (open >= 0 && close > open)
        {
            modifier = type[open..(close + 1)].Replace(" ", "", StringComparison.Ordinal);
            name = (type[..open].TrimEnd() + " " + type[(close + 1)..].TrimStart()).Trim();
        }

        name = Aliases.GetValueOrDefault(name, name);
        return name + modifier + (isArray ? "[]" : "");
    }
}
