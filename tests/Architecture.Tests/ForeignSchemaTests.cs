using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

// Issue 10 point 7: no module writes (or reads) another module's tables; dead-letter replay goes through the owner.
public sealed class ForeignSchemaTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_modules_source_When_scanning_it_Then_it_names_no_other_modules_schema_or_DbContext(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Modules", module.Name);

        ForeignSchemaRules.ForeignNames(module, folder, SolutionModules.All).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_source_When_scanning_it_Then_the_foreign_outbox_update_and_the_foreign_DbContext_are_reported()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "Architecture.Tests.BadFixture");

        var violations = ForeignSchemaRules.ForeignNames(BrokenModule.Module, folder, BrokenModule.WithSolutionModules);

        violations.Count.ShouldBe(2, string.Join(Environment.NewLine, violations));
        violations.ShouldContain(v => v.Contains("ForeignOutboxReplay.cs") && v.Contains("names inventory.outbox_messages, a table of Inventory"));
        violations.ShouldContain(v => v.Contains("ForeignOutboxReplay.cs") && v.Contains("names OrderingDbContext, Ordering's DbContext"));
    }
}
