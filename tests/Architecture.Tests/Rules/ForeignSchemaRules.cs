using System.Text.RegularExpressions;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests.Rules;

// Rule 2 in the code, beyond the EF model: no module's source names another module's schema in SQL ("inventory.
// outbox_messages") or another module's DbContext (even as a string, to load it by reflection). What a module needs
// of another goes through that module's Contracts, and what the shared machinery does to a module's rows (a dead
// letter's replay) is done by the instance that module registered for its own schema.
public static class ForeignSchemaRules
{
    public static IReadOnlyList<string> ForeignNames(ModuleUnderTest module, string sourceFolder, IReadOnlyCollection<ModuleUnderTest> modules)
    {
        var others = modules.Where(m => m.Name != module.Name)
            .Select(m => (Module: m, Table: TableOf(m.Schema), Context: new Regex($@"\b{m.Name}DbContext\b", RegexOptions.CultureInvariant)))
            .ToList();
        var violations = new List<string>();
        foreach (var file in SourceFiles(sourceFolder))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var where = $"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{i + 1}";
                foreach (var (other, table, context) in others)
                {
                    violations.AddRange(table.Matches(lines[i]).Select(m =>
                        $"{where} names {m.Value}, a table of {other.Name}: ask {other.Name} through {other.ContractsProjectName}"));
                    violations.AddRange(context.Matches(lines[i]).Select(m =>
                        $"{where} names {m.Value}, {other.Name}'s DbContext: ask {other.Name} through {other.ContractsProjectName}"));
                }
            }
        }

        return violations;
    }

    // A schema-qualified SQL name; message type names ("payments.capture-payment.v1") go on with a hyphen.
    private static Regex TableOf(string schema) =>
        new($@"\b{Regex.Escape(schema)}\.[a-z_][a-z0-9_]*(?![\w-])", RegexOptions.CultureInvariant);

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
