using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

// Rule 1 as the project files declare it: the compiler drops references the code does not use yet,
// so the built assemblies alone would let a forbidden reference wait for its first use.
public sealed class ProjectReferenceTests
{
    [Fact]
    public void Given_the_modules_folder_When_listing_its_projects_Then_it_holds_exactly_the_known_modules_each_with_Contracts()
    {
        var modulesFolder = Path.Combine(RepositoryRoot.Path, "src", "Modules");

        var projects = Directory.EnumerateFiles(modulesFolder, "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        var expected = SolutionModules.All.SelectMany(m => new[] { m.ProjectName, m.ContractsProjectName }).Order(StringComparer.Ordinal);
        projects.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_module_implementation_project_When_reading_its_ProjectReferences_Then_only_BuildingBlocks_and_Contracts_are_referenced(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);
        var project = ProjectFile.Load(RepositoryRoot.ModuleProjectFile(module.Name, module.ProjectName));

        var violations = ReferenceRules.ForbiddenImplementationReferences(module, project.ProjectReferences, SolutionModules.All);

        project.Name.ShouldBe(module.ProjectName);
        project.ProjectReferences.ShouldContain(SolutionModules.BuildingBlocks);
        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_Contracts_project_When_reading_its_references_Then_no_implementation_and_no_EF_Core_is_referenced(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);
        var project = ProjectFile.Load(RepositoryRoot.ModuleProjectFile(module.Name, module.ContractsProjectName));

        var violations = ReferenceRules.ForbiddenContractsReferences(project.Name, project.AllReferences);

        project.Name.ShouldBe(module.ContractsProjectName);
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_BuildingBlocks_project_When_reading_its_ProjectReferences_Then_no_module_is_referenced()
    {
        var project = ProjectFile.Load(Path.Combine(RepositoryRoot.Path, "src", "BuildingBlocks", SolutionModules.BuildingBlocks + ".csproj"));

        ReferenceRules.ForbiddenBuildingBlocksReferences(project.Name, project.ProjectReferences).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_implementation_project_file_referencing_another_modules_implementation_When_checking_Then_the_reference_is_reported()
    {
        var project = ProjectFile.Parse("OrderManagement.Ordering", ProjectXml(
            """<ProjectReference Include="../../../BuildingBlocks/OrderManagement.BuildingBlocks.csproj" />""",
            """<ProjectReference Include="../../Inventory/Inventory.Contracts/OrderManagement.Inventory.Contracts.csproj" />""",
            """<ProjectReference Include="..\..\Inventory\Inventory\OrderManagement.Inventory.csproj" />"""));

        var violations = ReferenceRules.ForbiddenImplementationReferences(SolutionModules.Get("Ordering"), project.ProjectReferences, SolutionModules.All);

        violations.ShouldHaveSingleItem().ShouldContain("references OrderManagement.Inventory: another module's implementation");
    }

    [Fact]
    public void Given_an_implementation_project_file_referencing_the_host_When_checking_Then_the_reference_is_reported()
    {
        var project = ProjectFile.Parse("OrderManagement.Payments", ProjectXml(
            """<ProjectReference Include="../../../Host/OrderManagement.Host.csproj" />"""));

        var violations = ReferenceRules.ForbiddenImplementationReferences(SolutionModules.Get("Payments"), project.ProjectReferences, SolutionModules.All);

        violations.ShouldHaveSingleItem().ShouldContain("references OrderManagement.Host");
    }

    [Fact]
    public void Given_a_Contracts_project_file_referencing_EF_Core_and_BuildingBlocks_When_checking_Then_both_are_reported()
    {
        var project = ProjectFile.Parse("OrderManagement.Shipping.Contracts", ProjectXml(
            """<PackageReference Include="Microsoft.EntityFrameworkCore" />""",
            """<ProjectReference Include="../../../BuildingBlocks/OrderManagement.BuildingBlocks.csproj" />""",
            """<ProjectReference Include="../../Ordering/Ordering.Contracts/OrderManagement.Ordering.Contracts.csproj" />"""));

        var violations = ReferenceRules.ForbiddenContractsReferences(project.Name, project.AllReferences);

        violations.Count.ShouldBe(2);
        violations.ShouldContain(v => v.Contains("references Microsoft.EntityFrameworkCore: Contracts hold no EF Core types"));
        violations.ShouldContain(v => v.Contains("references OrderManagement.BuildingBlocks"));
    }

    [Fact]
    public void Given_a_Contracts_project_file_referencing_its_own_implementation_When_checking_Then_the_reference_is_reported()
    {
        var project = ProjectFile.Parse("OrderManagement.Inventory.Contracts", ProjectXml(
            """<ProjectReference Include="../Inventory/OrderManagement.Inventory.csproj" />"""));

        ReferenceRules.ForbiddenContractsReferences(project.Name, project.AllReferences)
            .ShouldHaveSingleItem().ShouldContain("references OrderManagement.Inventory");
    }

    [Fact]
    public void Given_a_BuildingBlocks_project_file_referencing_a_modules_Contracts_When_checking_Then_the_reference_is_reported()
    {
        var project = ProjectFile.Parse("OrderManagement.BuildingBlocks", ProjectXml(
            """<ProjectReference Include="../Modules/Ordering/Ordering.Contracts/OrderManagement.Ordering.Contracts.csproj" />"""));

        ReferenceRules.ForbiddenBuildingBlocksReferences(project.Name, project.ProjectReferences)
            .ShouldHaveSingleItem().ShouldContain("references OrderManagement.Ordering.Contracts");
    }

    [Fact]
    public void Given_the_bad_fixture_project_file_When_checking_its_ProjectReferences_Then_the_Inventory_implementation_is_reported()
    {
        var project = ProjectFile.Load(BrokenModule.ProjectFilePath);

        var violations = ReferenceRules.ForbiddenImplementationReferences(BrokenModule.Module, project.ProjectReferences, BrokenModule.WithSolutionModules);

        violations.ShouldHaveSingleItem().ShouldContain("references OrderManagement.Inventory: another module's implementation");
    }

    private static string ProjectXml(params string[] items) =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            {string.Join(Environment.NewLine, items)}
          </ItemGroup>
        </Project>
        """;
}
