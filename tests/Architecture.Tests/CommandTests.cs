using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

public sealed class CommandTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_module_When_listing_its_commands_Then_every_value_a_handler_needs_is_present(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);

        CommandRules.NullableCommandFields(module.Implementation).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_bad_fixture_assembly_When_listing_its_commands_Then_the_body_used_as_a_command_is_reported()
    {
        var violations = CommandRules.NullableCommandFields(BrokenModule.Module.Implementation);

        violations.ShouldHaveSingleItem().ShouldStartWith("OrderManagement.BadFixture.BodyAsCommand.Quantity is nullable");
    }
}
