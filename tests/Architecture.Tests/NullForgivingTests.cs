using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

public sealed class NullForgivingTests
{
    [Fact]
    public void Given_the_modules_handler_and_request_files_When_scanning_them_Then_none_uses_the_null_forgiving_operator()
    {
        var files = NullForgivingRules.HandlerAndRequestFiles(RepositoryRoot.Path).ToList();

        files.ShouldNotBeEmpty();
        NullForgivingRules.Violations(files, RepositoryRoot.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Given_source_lines_When_scanning_them_Then_only_the_null_forgiving_operator_is_reported()
    {
        const string source = """
            remainder!.CancelLines(lines);
            Send(payment.AuthorizationCode!, amount);
            if (!ready && count != 0 && list[0]!= null) { }
            var text = "Done!"; // really!
            line.RuleFor(l => l!.Sku).Sku();
            """;

        NullForgivingRules.Violations(source).Select(code => code.Trim()).ShouldBe(
            ["remainder!.CancelLines(lines);", "Send(payment.AuthorizationCode!, amount);"]);
    }
}
