using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests.Rules;

// Rule 1: a module's implementation depends on BuildingBlocks and Contracts only; Contracts depend on no
// implementation and no EF Core. The same functions check project files, built assemblies and fakes.
public static class ReferenceRules
{
    private const string SolutionPrefix = "OrderManagement.";
    private static readonly string[] EfCorePrefixes = ["Microsoft.EntityFrameworkCore", "Npgsql.EntityFrameworkCore"];

    public static bool IsSolutionName(string name) => name.StartsWith(SolutionPrefix, StringComparison.Ordinal);

    // Every reference must be allowed: callers pass a project file's references, or a built assembly's references
    // to this solution's assemblies (the framework and packages are not module boundaries).
    public static IReadOnlyList<string> ForbiddenImplementationReferences(
        ModuleUnderTest module, IEnumerable<string> references, IReadOnlyCollection<ModuleUnderTest> modules)
    {
        var allowed = modules.Select(m => m.ContractsProjectName).Append(module.ContractsProjectName).Append(SolutionModules.BuildingBlocks).ToHashSet();
        return [.. references.Where(r => !allowed.Contains(r)).Distinct().Select(r => $"{module.ProjectName} references {r}: {Describe(r, modules)}")];
    }

    public static IReadOnlyList<string> ForbiddenContractsReferences(string contractsName, IEnumerable<string> references)
    {
        var violations = new List<string>();
        foreach (var reference in references.Distinct())
        {
            if (EfCorePrefixes.Any(p => reference.StartsWith(p, StringComparison.Ordinal)))
            {
                violations.Add($"{contractsName} references {reference}: Contracts hold no EF Core types");
            }
            else if (IsSolutionName(reference) && !reference.EndsWith(".Contracts", StringComparison.Ordinal))
            {
                violations.Add($"{contractsName} references {reference}: Contracts reference only other Contracts");
            }
        }

        return violations;
    }

    // BuildingBlocks is module-agnostic machinery: it knows no module, not even its Contracts.
    public static IReadOnlyList<string> ForbiddenBuildingBlocksReferences(string name, IEnumerable<string> references) =>
        [.. references.Where(IsSolutionName).Distinct().Select(r => $"{name} references {r}: BuildingBlocks references no module")];

    private static string Describe(string reference, IReadOnlyCollection<ModuleUnderTest> modules) =>
        modules.Any(m => m.ProjectName == reference)
            ? "another module's implementation; reference its Contracts instead"
            : "only BuildingBlocks and Contracts projects may be referenced";
}
