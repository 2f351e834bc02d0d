using OrderManagement.BadFixture;

namespace OrderManagement.Architecture.Tests.Solution;

// The deliberately broken module in tests/Architecture.Tests.BadFixture, described like a real one.
public static class BrokenModule
{
    public static readonly ModuleUnderTest Module = new(
        BadFixtureModule.Name,
        "badfixture",
        typeof(BadFixtureModule).Assembly.GetName().Name!,
        typeof(BadFixtureModule).Assembly.GetName().Name + ".Contracts",
        typeof(BadFixtureModule).FullName!);

    public static string ProjectFilePath =>
        Path.Combine(RepositoryRoot.Path, "tests", "Architecture.Tests.BadFixture", Module.ProjectName + ".csproj");

    public static IReadOnlyList<ModuleUnderTest> WithSolutionModules => [.. SolutionModules.All, Module];
}
