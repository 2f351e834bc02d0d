using System.Reflection;
using System.Text.RegularExpressions;

namespace OrderManagement.Host.Tests.Api.Edges;

// .NET's '$' also matches before a final "\n", so a pattern check ending in '$' lets "SKU-A\n" through. Every pattern
// of the product is a [GeneratedRegex] (so it can be listed here) and ends its match with \z.
public sealed partial class RegexAnchorTests
{
    [Fact]
    public void Given_every_generated_regex_of_the_product_When_read_Then_none_uses_dollar_and_anchored_ones_end_with_z()
    {
        var patterns = ProductAssemblies()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<GeneratedRegexAttribute>()))
            .Where(p => p.Attribute is not null)
            .ToList();

        patterns.Count.ShouldBeGreaterThanOrEqualTo(2);
        patterns.Where(p => !IsAnchoredAtTheVeryEnd(p.Attribute!.Pattern))
            .Select(p => $"{p.Method}: {p.Attribute!.Pattern}").ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_product_sources_When_searched_Then_no_regex_is_built_outside_GeneratedRegex()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrderManagement.sln")))
        {
            root = root.Parent;
        }

        root.ShouldNotBeNull("repository root not found");
        var offenders = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => RuntimeRegex().IsMatch(File.ReadAllText(f)))
            .ToList();

        offenders.ShouldBeEmpty("build patterns with [GeneratedRegex] so that the anchoring check above sees them");
    }

    [Theory]
    [InlineData("^[A-Z]+$", false)]
    [InlineData("^[A-Z]+\\z", true)]
    [InlineData("^(a|b)$", false)]
    [InlineData("[A-Z]+", true)]
    public void Given_a_pattern_When_checked_Then_dollar_anchors_are_reported(string pattern, bool accepted) =>
        IsAnchoredAtTheVeryEnd(pattern).ShouldBe(accepted);

    // An unescaped '$' outside a character class is the end-or-before-final-newline anchor.
    private static bool IsAnchoredAtTheVeryEnd(string pattern) => !UnescapedDollar().IsMatch(pattern);

    private static IEnumerable<Assembly> ProductAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name is { } name && name.StartsWith("OrderManagement.", StringComparison.Ordinal)
            && !name.EndsWith(".Tests", StringComparison.Ordinal) && !name.Contains("TestKit", StringComparison.Ordinal))
            .Concat([typeof(Program).Assembly, typeof(OrderManagement.Ordering.OrderingModule).Assembly, typeof(OrderManagement.Inventory.InventoryModule).Assembly])
            .Distinct();

    [GeneratedRegex(@"(?<!\\)\$(?![^\[]*\])")]
    private static partial Regex UnescapedDollar();

    [GeneratedRegex(@"new\s+Regex\s*\(|Regex\.(IsMatch|Match|Matches|Replace|Split)\s*\(")]
    private static partial Regex RuntimeRegex();
}
