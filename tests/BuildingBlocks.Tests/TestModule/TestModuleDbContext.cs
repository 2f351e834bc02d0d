using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

internal sealed class TestModuleDbContext(DbContextOptions<TestModuleDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "bbtest";

    public override string Schema => SchemaName;

    public DbSet<Note> Notes => Set<Note>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Id).HasColumnName("id");
            note.Property(n => n.Text).HasColumnName("text");
        });
}
