using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BadFixture;
using OrderManagement.BuildingBlocks;

namespace OrderManagement.Architecture.Tests;

// Rule 2: each module owns one schema through its own DbContext; no table and no foreign key leaves it.
public sealed class SchemaOwnershipTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_modules_DbContext_When_building_its_model_Then_every_entity_is_mapped_to_the_modules_schema(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);
        using var services = ModuleDbContextModel.BuildServices((s, c) => s.AddAllModules(c));

        var contexts = ModuleDbContextModel.In(module.Implementation, services);

        var context = contexts.ShouldHaveSingleItem();
        context.DeclaredSchema.ShouldBe(module.Schema);
        context.Model.GetEntityTypes().ShouldNotBeEmpty();
        SchemaRules.ForeignSchemaMappings(context.Model, module.Schema).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_DbContext_When_building_its_model_Then_the_foreign_table_and_the_cross_schema_foreign_key_are_reported()
    {
        using var services = ModuleDbContextModel.BuildServices((s, c) => s.AddBuildingBlocks(c).AddBadFixtureModule());
        var context = ModuleDbContextModel.In(BrokenModule.Module.Implementation, services).ShouldHaveSingleItem();

        var violations = SchemaRules.ForeignSchemaMappings(context.Model, BrokenModule.Module.Schema);

        violations.Count.ShouldBe(2, string.Join(Environment.NewLine, violations));
        violations.ShouldContain(v => v.Contains("ForeignOrder is mapped to table ordering.orders, outside schema badfixture"));
        violations.ShouldContain(v => v.Contains("Ledger has a foreign key to ForeignOrder across schemas (badfixture -> ordering)"));
    }
}
