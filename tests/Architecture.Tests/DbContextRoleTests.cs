using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.Architecture.Tests;

// Issue 10 point 7: the DbContext is not the place for publishing, scheduling, history or after-commit actions.
public sealed class DbContextRoleTests
{
    private static readonly IReadOnlyList<System.Reflection.Assembly> ExtensionSources =
        [typeof(ModuleDbContext).Assembly, .. SolutionModules.All.Select(m => m.Implementation)];

    [Fact]
    public void Given_the_base_of_every_module_DbContext_When_listing_its_members_Then_it_neither_publishes_nor_records_history()
    {
        DbContextRoleRules.Violations(typeof(ModuleDbContext), ExtensionSources).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_modules_DbContext_When_listing_its_members_and_extensions_Then_none_publishes_or_records_history(string moduleName)
    {
        var contexts = ModuleDbContextModel.TypesIn(SolutionModules.Get(moduleName).Implementation);

        contexts.ShouldNotBeEmpty();
        contexts.SelectMany(c => DbContextRoleRules.Violations(c, ExtensionSources)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_DbContext_When_listing_its_members_and_extensions_Then_the_history_member_and_the_publish_extension_are_reported()
    {
        var context = ModuleDbContextModel.TypesIn(BrokenModule.Module.Implementation).ShouldHaveSingleItem();

        var violations = DbContextRoleRules.Violations(context, [.. ExtensionSources, BrokenModule.Module.Implementation]);

        violations.Count.ShouldBe(2, string.Join(Environment.NewLine, violations));
        violations.ShouldContain(v => v.Contains("BadFixtureDbContext.RecordHistory is declared on a DbContext: use HistoryLog<BadFixtureDbContext>"));
        violations.ShouldContain(v => v.Contains("ContextPublishing.Publish extends BadFixtureDbContext: use OutboxPublisher<BadFixtureDbContext>"));
    }
}
