using System.Reflection;

namespace OrderManagement.Architecture.Tests.Solution;

// What the rules need to know about a module: its projects, its schema and its one public type.
public sealed record ModuleUnderTest(string Name, string Schema, string ProjectName, string ContractsProjectName, string EntryPointTypeName)
{
    public static ModuleUnderTest Named(string name, string schema) =>
        new(name, schema, $"OrderManagement.{name}", $"OrderManagement.{name}.Contracts", $"OrderManagement.{name}.{name}Module");

    public string TestsProjectName => ProjectName + ".Tests";

    public Assembly Implementation => Assembly.Load(new AssemblyName(ProjectName));

    public Assembly Contracts => Assembly.Load(new AssemblyName(ContractsProjectName));

    public override string ToString() => Name;
}
