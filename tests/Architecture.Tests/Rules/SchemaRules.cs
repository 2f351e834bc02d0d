using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OrderManagement.Architecture.Tests.Rules;

// Rule 2: a module's DbContext maps only its own schema, and no foreign key leaves it.
public static class SchemaRules
{
    public static IReadOnlyList<string> ForeignSchemaMappings(IModel model, string schema)
    {
        var violations = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var (kind, name, entitySchema) in Mappings(entity))
            {
                if (entitySchema != schema)
                {
                    violations.Add($"{entity.DisplayName()} is mapped to {kind} {entitySchema ?? "(no schema)"}.{name}, outside schema {schema}");
                }
            }

            violations.AddRange(entity.GetDeclaredForeignKeys()
                .Where(fk => fk.PrincipalEntityType.GetSchema() != fk.DeclaringEntityType.GetSchema())
                .Select(fk => $"{entity.DisplayName()} has a foreign key to {fk.PrincipalEntityType.DisplayName()} "
                    + $"across schemas ({fk.DeclaringEntityType.GetSchema()} -> {fk.PrincipalEntityType.GetSchema()})"));
        }

        violations.AddRange(model.GetSequences()
            .Where(s => s.Schema != schema)
            .Select(s => $"sequence {s.Schema}.{s.Name} is outside schema {schema}"));
        return violations;
    }

    private static IEnumerable<(string Kind, string Name, string? Schema)> Mappings(IEntityType entity)
    {
        if (entity.GetTableName() is { } table)
        {
            yield return ("table", table, entity.GetSchema());
        }

        if (entity.GetViewName() is { } view)
        {
            yield return ("view", view, entity.GetViewSchema());
        }
    }
}
