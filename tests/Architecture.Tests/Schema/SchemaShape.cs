namespace OrderManagement.Architecture.Tests.Schema;

// The parts of a schema that the model and the database must agree on, read the same way from both sides.
public sealed record ColumnShape(string Name, string StoreType, bool IsNullable, string? Identity = null);

public sealed record IndexShape(string Name, IReadOnlyList<string> Columns, bool IsUnique);

public sealed record TableShape(
    string Schema, string Name, IReadOnlyList<ColumnShape> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlyList<IndexShape> Indexes)
{
    public string QualifiedName => $"{Schema}.{Name}";
}
