namespace OrderManagement.Architecture.Tests.Schema;

// Every difference between what a model maps and what a schema holds, in both directions, so that neither the
// migrations nor the model can change alone. Only the migrator's journal is the database's own business.
public static class SchemaDrift
{
    public const string MigrationJournal = "schema_migrations";

    public static IReadOnlyList<string> Compare(IReadOnlyList<TableShape> model, IReadOnlyList<TableShape> database)
    {
        var differences = new List<string>();
        foreach (var expected in model)
        {
            var actual = database.SingleOrDefault(t => t.Schema == expected.Schema && t.Name == expected.Name);
            if (actual is null)
            {
                differences.Add($"{expected.QualifiedName}: the model maps this table, the database has no such table");
                continue;
            }

            CompareColumns(expected, actual, differences);
            CompareKeysAndIndexes(expected, actual, differences);
        }

        differences.AddRange(database
            .Where(t => t.Name != MigrationJournal && !model.Any(m => m.Schema == t.Schema && m.Name == t.Name))
            .Select(t => $"{t.QualifiedName}: the database has this table, no entity maps it"));
        return differences;
    }

    private static void CompareColumns(TableShape expected, TableShape actual, List<string> differences)
    {
        foreach (var column in expected.Columns)
        {
            var found = actual.Columns.SingleOrDefault(c => c.Name == column.Name);
            var where = $"{expected.QualifiedName}.{column.Name}";
            if (found is null)
            {
                differences.Add($"{where}: the model maps this column, the database has no such column");
                continue;
            }

            if (found.StoreType != column.StoreType)
            {
                differences.Add($"{where}: the model's type is {column.StoreType}, the database's is {found.StoreType}");
            }

            if (found.IsNullable != column.IsNullable)
            {
                differences.Add($"{where}: the model says {Nullability(column)}, the database says {Nullability(found)}");
            }

            if (found.Identity != column.Identity)
            {
                differences.Add($"{where}: the model's identity is {column.Identity ?? "none"}, the database's is {found.Identity ?? "none"}");
            }
        }

        differences.AddRange(actual.Columns
            .Where(c => expected.Columns.All(m => m.Name != c.Name))
            .Select(c => $"{expected.QualifiedName}.{c.Name}: the database has this column, the model does not map it"));
    }

    private static void CompareKeysAndIndexes(TableShape expected, TableShape actual, List<string> differences)
    {
        if (!expected.PrimaryKey.SequenceEqual(actual.PrimaryKey))
        {
            differences.Add($"{expected.QualifiedName}: the model's primary key is ({string.Join(", ", expected.PrimaryKey)}), "
                + $"the database's is ({string.Join(", ", actual.PrimaryKey)})");
        }

        foreach (var index in expected.Indexes)
        {
            var found = actual.Indexes.SingleOrDefault(i => i.Name == index.Name);
            if (found is null)
            {
                differences.Add($"{expected.QualifiedName}: the model declares {Describe(index)}, the database has no such index");
            }
            else if (found.IsUnique != index.IsUnique || !found.Columns.SequenceEqual(index.Columns))
            {
                differences.Add($"{expected.QualifiedName}: the model declares {Describe(index)}, the database has {Describe(found)}");
            }
        }

        // A unique index the model does not know changes what a save may do; other database-only indexes
        // (e.g. the outbox's partial indexes for the dispatcher's raw SQL) are the database's own business.
        differences.AddRange(actual.Indexes
            .Where(i => i.IsUnique && expected.Indexes.All(m => m.Name != i.Name))
            .Select(i => $"{expected.QualifiedName}: the database has {Describe(i)}, the model does not declare it"));
    }

    private static string Nullability(ColumnShape column) => column.IsNullable ? "NULL" : "NOT NULL";

    private static string Describe(IndexShape index) =>
        $"{(index.IsUnique ? "unique index" : "index")} {index.Name} ({string.Join(", ", index.Columns)})";
}
