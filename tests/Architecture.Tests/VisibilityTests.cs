using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

// Rule 6: types are internal unless they are the module's contract (in Contracts) or its registration entry point.
public sealed class VisibilityTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_built_module_implementation_When_listing_its_public_types_Then_only_the_entry_point_is_public(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);

        var violations = VisibilityRules.PublicTypesBeyondEntryPoint(module.Implementation, module.EntryPointTypeName);

        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_built_module_implementation_When_listing_who_sees_its_internals_Then_only_its_own_test_project_does(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);

        VisibilityRules.ForeignFriends(module.Implementation, module.TestsProjectName).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_assembly_When_listing_its_public_types_Then_the_leaked_type_is_reported()
    {
        var violations = VisibilityRules.PublicTypesBeyondEntryPoint(BrokenModule.Module.Implementation, BrokenModule.Module.EntryPointTypeName);

        violations.ShouldHaveSingleItem().ShouldContain("OrderManagement.BadFixture.LeakedHandler is public");
    }

    [Fact]
    public void Given_an_assembly_without_the_expected_entry_point_When_listing_its_public_types_Then_the_missing_entry_point_is_reported()
    {
        var violations = VisibilityRules.PublicTypesBeyondEntryPoint(BrokenModule.Module.Implementation, "OrderManagement.BadFixture.MissingModule");

        violations.ShouldContain(v => v.Contains("the entry point OrderManagement.BadFixture.MissingModule is missing"));
        violations.ShouldContain(v => v.Contains("OrderManagement.BadFixture.BadFixtureModule is public"));
    }

    [Fact]
    public void Given_the_bad_fixture_assembly_When_listing_who_sees_its_internals_Then_the_foreign_friend_is_reported()
    {
        var violations = VisibilityRules.ForeignFriends(BrokenModule.Module.Implementation, BrokenModule.Module.TestsProjectName);

        violations.ShouldHaveSingleItem().ShouldContain("internals are visible to OrderManagement.Host");
    }
}
