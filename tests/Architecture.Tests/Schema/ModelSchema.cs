using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace OrderManagement.Architecture.Tests.Schema;

// The tables an EF model expects, read from its relational model: an owned type mapped with ToJson is one
// jsonb column of its owner's table there, exactly as the database stores it.
public static class ModelSchema
{
    public static IReadOnlyList<TableShape> TablesOf(IModel model) =>
        [.. model.GetRelationalModel().Tables.Select(table => new TableShape(
            table.Schema ?? "public",
            table.Name,
            [.. table.Columns.Where(c => !StoreTypes.SystemColumns.Contains(c.Name)).Select(c => ColumnOf(table, c))],
            [.. table.PrimaryKey?.Columns.Select(c => c.Name) ?? []],
            [.. table.Indexes.Select(i => new IndexShape(i.Name, [.. i.Columns.Select(c => c.Name)], i.IsUnique))]))];

    private static ColumnShape ColumnOf(ITable table, IColumn column)
    {
        var property = column.PropertyMappings.FirstOrDefault()?.Property;
        var strategy = property?.GetValueGenerationStrategy(StoreObjectIdentifier.Table(table.Name, table.Schema));
        var identity = strategy switch
        {
            NpgsqlValueGenerationStrategy.IdentityAlwaysColumn => "ALWAYS",
            NpgsqlValueGenerationStrategy.IdentityByDefaultColumn => "BY DEFAULT",
            _ => null,
        };
        return new ColumnShape(column.Name, StoreTypes.Normalise(column.StoreType), IsNullable(table, column), identity);
    }

    // EF marks the JSON column of an owned collection nullable whatever the code says, and it cannot be configured
    // required; so the navigation's declared nullability decides, as it already does for an owned reference.
    private static bool IsNullable(ITable table, IColumn column)
    {
        var collection = table.EntityTypeMappings
            .Select(m => m.TypeBase).OfType<IEntityType>()
            .Select(e => e.FindOwnership())
            .FirstOrDefault(o => o is { IsUnique: false }
                && !o.PrincipalEntityType.IsMappedToJson()
                && o.DeclaringEntityType.GetContainerColumnName() == column.Name);
        var navigation = collection?.PrincipalToDependent?.PropertyInfo;
        return navigation is null
            ? column.IsNullable
            : new NullabilityInfoContext().Create(navigation).ReadState != NullabilityState.NotNull;
    }
}
