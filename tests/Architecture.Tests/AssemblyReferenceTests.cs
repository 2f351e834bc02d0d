using System.Reflection;
using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BuildingBlocks;

namespace OrderManagement.Architecture.Tests;

// Rule 1 as the compiler built it: what the code actually uses, whatever the project files say.
public sealed class AssemblyReferenceTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_built_module_implementation_When_reading_its_assembly_references_Then_only_BuildingBlocks_and_Contracts_are_referenced(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);

        var violations = ReferenceRules.ForbiddenImplementationReferences(module, SolutionReferencesOf(module.Implementation), SolutionModules.All);

        SolutionReferencesOf(module.Implementation).ShouldContain(SolutionModules.BuildingBlocks);
        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_built_Contracts_assembly_When_reading_its_assembly_references_Then_no_implementation_and_no_EF_Core_is_referenced(string moduleName)
    {
        var contracts = SolutionModules.Get(moduleName).Contracts;

        var references = contracts.GetReferencedAssemblies().Select(r => r.Name!);

        ReferenceRules.ForbiddenContractsReferences(contracts.GetName().Name!, references).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_built_BuildingBlocks_assembly_When_reading_its_assembly_references_Then_no_module_is_referenced()
    {
        var buildingBlocks = typeof(BuildingBlocksRegistration).Assembly;

        ReferenceRules.ForbiddenBuildingBlocksReferences(buildingBlocks.GetName().Name!, SolutionReferencesOf(buildingBlocks)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_assembly_When_reading_its_assembly_references_Then_the_Inventory_implementation_is_reported()
    {
        var fixture = BrokenModule.Module.Implementation;

        var violations = ReferenceRules.ForbiddenImplementationReferences(BrokenModule.Module, SolutionReferencesOf(fixture), BrokenModule.WithSolutionModules);

        violations.ShouldHaveSingleItem().ShouldContain("references OrderManagement.Inventory: another module's implementation");
    }

    [Fact]
    public void Given_a_Contracts_assembly_referencing_EF_Core_and_an_implementation_When_checking_Then_both_are_reported()
    {
        string[] references = ["System.Runtime", "Microsoft.EntityFrameworkCore", "OrderManagement.Payments", "OrderManagement.Inventory.Contracts"];

        var violations = ReferenceRules.ForbiddenContractsReferences("OrderManagement.Ordering.Contracts", references);

        violations.Count.ShouldBe(2);
        violations.ShouldContain(v => v.Contains("Microsoft.EntityFrameworkCore"));
        violations.ShouldContain(v => v.Contains("OrderManagement.Payments:"));
    }

    private static IReadOnlyList<string> SolutionReferencesOf(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(ReferenceRules.IsSolutionName)];
}
