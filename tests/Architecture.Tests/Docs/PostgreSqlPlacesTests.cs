using System.Text.RegularExpressions;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests.Docs;

// ADR 0010 names every C# file that holds PostgreSQL-specific SQL, so that the cost of a SQL Server port stays known:
// a file that starts using such SQL must get a line there (issue 10, point 8).
public sealed partial class PostgreSqlPlacesTests
{
    private const string Adr = "docs/adr/0010-postgresql-only.md";

    [Fact]
    public void Given_the_product_sources_When_searched_for_PostgreSQL_only_SQL_Then_ADR_0010_names_every_file_that_has_it()
    {
        var adr = File.ReadAllText(Path.Combine(RepositoryRoot.Path, Adr));
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => PostgreSqlOnly().IsMatch(File.ReadAllText(f)))
            .ToList();

        files.Count.ShouldBeGreaterThan(10);
        files.Where(f => !adr.Contains(Path.GetFileName(f), StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ShouldBeEmpty($"these files hold PostgreSQL-specific SQL: name each in {Adr}'s table with what a SQL Server port changes");
    }

    // The same search as the ADR's git grep.
    [GeneratedRegex(@"FOR UPDATE|SKIP LOCKED|pg_advisory|ON CONFLICT|unnest|jsonb|xmin|RETURNING|pg_current|pg_snapshot|pg_stat|NpgsqlDbType|UseNpgsql|LIMIT [0-9$]|FILTER \(WHERE|percentile_cont|GREATEST\(|clock_timestamp|= ANY\(|now\(\)|PostgresErrorCodes|SqlState")]
    private static partial Regex PostgreSqlOnly();
}
