using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Architecture.Tests.Schema;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.Architecture.Tests;

// The shared machinery's own DbContexts (the Data Protection key ring) are migrated by the same SQL migrator as the
// modules, so their schemas are held to the same rule: the migrated tables match the EF model exactly.
public sealed class OwnedSchemaTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    public static TheoryData<string> ContextNames => [.. OwnedContexts().Select(t => t.FullName!)];

    [Fact]
    public void Given_the_building_blocks_When_listing_their_own_DbContexts_Then_the_key_ring_context_is_among_them()
    {
        OwnedContexts().ShouldContain(t => t.Name == "DataProtectionKeysDbContext");
    }

    [Theory]
    [MemberData(nameof(ContextNames))]
    public async Task Given_the_migrated_database_When_comparing_an_owned_schema_with_its_DbContext_model_Then_they_match(string contextName)
    {
        using var scope = database.Services.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(OwnedContexts().Single(t => t.FullName == contextName));
        var model = context.GetService<IDesignTimeModel>().Model;
        var expected = ModelSchema.TablesOf(model);
        var schema = model.GetDefaultSchema().ShouldNotBeNull();

        var actual = await DatabaseSchema.TablesOfAsync(database.ConnectionString, schema);

        expected.ShouldNotBeEmpty();
        SchemaDrift.Compare(expected, actual).ShouldBeEmpty();
    }

    private static IReadOnlyList<Type> OwnedContexts() =>
        [.. typeof(ModuleDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(DbContext)) && !t.IsSubclassOf(typeof(ModuleDbContext)))];
}
