using System.Reflection;
using System.Runtime.CompilerServices;

namespace OrderManagement.Architecture.Tests.Rules;

// Rule 6: a module implementation shows the world its registration entry point and nothing else,
// and only its own test project sees its internals. No other exemptions, by name or otherwise.
public static class VisibilityRules
{
    public static IReadOnlyList<string> PublicTypesBeyondEntryPoint(Assembly assembly, string entryPointTypeName)
    {
        var name = assembly.GetName().Name;
        var exported = assembly.GetExportedTypes();
        var violations = exported
            .Where(t => t.FullName != entryPointTypeName)
            .Select(t => $"{name}: {t.FullName} is public; make it internal (only {entryPointTypeName} may be public)")
            .ToList();

        var entryPoint = exported.SingleOrDefault(t => t.FullName == entryPointTypeName);
        if (entryPoint is null || !(entryPoint.IsAbstract && entryPoint.IsSealed))
        {
            violations.Add($"{name}: the entry point {entryPointTypeName} is missing or is not a public static class");
        }

        return violations;
    }

    public static IReadOnlyList<string> ForeignFriends(Assembly assembly, string ownTestsAssembly) =>
        [.. assembly.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim())
            .Where(friend => friend != ownTestsAssembly)
            .Select(friend => $"{assembly.GetName().Name}: internals are visible to {friend}; only {ownTestsAssembly} may see them")];
}
