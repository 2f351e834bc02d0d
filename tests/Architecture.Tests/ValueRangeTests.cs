using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

// A value accepted at the edge is carried end to end: no column of any module is narrower than what the API accepts.
public sealed class ValueRangeTests
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public void Given_a_modules_model_When_every_column_is_compared_with_what_the_API_accepts_Then_every_accepted_value_fits(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);
        using var services = ModuleDbContextModel.BuildServices((s, c) => s.AddAllModules(c));

        var models = ModuleDbContextModel.In(module.Implementation, services);

        models.ShouldNotBeEmpty();
        models.SelectMany(m => ValueRangeRules.Violations(m.Model)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_columns_narrower_than_the_API_When_checking_Then_each_is_reported()
    {
        using var context = new NarrowContext();

        var violations = ValueRangeRules.Violations(context.GetService<IDesignTimeModel>().Model);

        violations.Count.ShouldBe(4, string.Join("\n", violations));
        violations.ShouldContain(v => v.StartsWith("narrow.rows.amount", StringComparison.Ordinal) && v.Contains("numeric(14,2)", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith("narrow.rows.note", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith("narrow.rows.quantity", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith("narrow.rows.sequence", StringComparison.Ordinal));
    }

    private sealed class NarrowRow
    {
        public Guid Id { get; init; }
        public decimal Amount { get; init; }
        public decimal Total { get; init; }
        public string Note { get; init; } = "";
        public int Quantity { get; init; }
        public long Sequence { get; init; }
    }

    private sealed class NarrowContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=unused");

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<NarrowRow>(row =>
            {
                row.ToTable("rows", "narrow");
                row.Property(r => r.Id).HasColumnName("id");
                row.Property(r => r.Amount).HasColumnName("amount").HasColumnType("numeric(12,2)");
                row.Property(r => r.Total).HasColumnName("total").HasColumnType("numeric(14,2)");
                row.Property(r => r.Note).HasColumnName("note").HasMaxLength(20);
                row.Property(r => r.Quantity).HasColumnName("quantity").HasColumnType("smallint");
                row.Property(r => r.Sequence).HasColumnName("sequence").HasColumnType("integer");
            });
    }
}
