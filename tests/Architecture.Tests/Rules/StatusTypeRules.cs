using System.Reflection;
using System.Runtime.CompilerServices;

namespace OrderManagement.Architecture.Tests.Rules;

// Statuses are enums up to the JSON edge (issue 10 point 7): a property named like a status, step, outcome or module is
// an enum in the domain, the read models and the contracts alike. Text lets any spelling through, a comparison with a
// misspelt name compiles, and the OpenAPI document cannot list the values.
public static class StatusTypeRules
{
    private static readonly string[] Names = ["Status", "Step", "Outcome", "Module"];

    public static IReadOnlyList<string> TextStatuses(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.PropertyType == typeof(string) && Names.Any(n => p.Name.EndsWith(n, StringComparison.Ordinal)))
                .Select(p => $"{t.FullName}.{p.Name} is text; make it an enum"))];
}
