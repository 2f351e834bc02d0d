using System.Text.RegularExpressions;

namespace OrderManagement.Architecture.Tests.Rules;

// Issue 10 point 7: a handler works on a command whose values are present, and a request is mapped to that command
// through Validated.Value, so neither needs the null-forgiving `!`. A `!` there hides a null the types should rule out.
public static partial class NullForgivingRules
{
    // Handler files, request files (they map a body to a command) and endpoint files of every module.
    public static IEnumerable<string> HandlerAndRequestFiles(string repositoryRoot) =>
        from file in Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src", "Modules"), "*.cs", SearchOption.AllDirectories)
        where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        let text = File.ReadAllText(file)
        where text.Contains("IRequestHandler<", StringComparison.Ordinal)
              || text.Contains("ToCommand(", StringComparison.Ordinal)
              || file.EndsWith("Endpoints.cs", StringComparison.Ordinal)
        select file;

    // "file:line: code" for each `!` after a name, `)`, `]` or `>` that is not part of `!=`; string literals and
    // comments are left out. A FluentValidation rule is exempt: its expression tree names a field of a nullable list
    // element, and `?.` is not allowed in an expression tree.
    public static IReadOnlyList<string> Violations(IEnumerable<string> files, string repositoryRoot) =>
    [
        .. from file in files
           from numbered in File.ReadAllLines(file).Select((line, index) => (Code: CodeOf(line), Number: index + 1))
           where !ValidatorRule().IsMatch(numbered.Code) && NullForgiving().IsMatch(numbered.Code)
           select $"{Path.GetRelativePath(repositoryRoot, file)}:{numbered.Number}: {numbered.Code.Trim()}",
    ];

    public static IReadOnlyList<string> Violations(string source) =>
        [.. source.Split('\n').Select(CodeOf).Where(code => !ValidatorRule().IsMatch(code) && NullForgiving().IsMatch(code))];

    private static string CodeOf(string line) => Comment().Replace(StringLiteral().Replace(line, "\"\""), "");

    [GeneratedRegex(@"[\w\)\]>]!(?!=)")]
    private static partial Regex NullForgiving();

    [GeneratedRegex(@"\b(RuleFor|RuleForEach)\(\s*\w+\s*=>\s*\w+!\.")]
    private static partial Regex ValidatorRule();

    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"//.*$")]
    private static partial Regex Comment();
}
