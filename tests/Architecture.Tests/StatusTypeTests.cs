using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

public sealed class StatusTypeTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_module_and_its_contracts_When_listing_properties_named_like_a_status_Then_each_is_an_enum(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);

        StatusTypeRules.TextStatuses(module.Implementation).Concat(StatusTypeRules.TextStatuses(module.Contracts)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_assembly_When_listing_properties_named_like_a_status_Then_the_text_status_is_reported()
    {
        var violations = StatusTypeRules.TextStatuses(BrokenModule.Module.Implementation);

        violations.ShouldHaveSingleItem().ShouldStartWith("OrderManagement.BadFixture.TextStatus.Status is text");
    }
}
