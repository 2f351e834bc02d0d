using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Schema;
using OrderManagement.Architecture.Tests.Solution;

namespace OrderManagement.Architecture.Tests;

// The migrations and the EF model describe the same tables, so neither can change without the other.
public sealed class MigratedSchemaTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Theory]
    [MemberData(nameof(SolutionModules.Names), MemberType = typeof(SolutionModules))]
    public async Task Given_the_migrated_database_When_comparing_a_modules_schema_with_its_DbContext_model_Then_they_match(string moduleName)
    {
        var module = SolutionModules.Get(moduleName);
        var models = ModuleDbContextModel.In(module.Implementation, database.Services);
        var expected = models.SelectMany(m => ModelSchema.TablesOf(m.Model)).ToList();

        var actual = await DatabaseSchema.TablesOfAsync(database.ConnectionString, module.Schema);

        actual.ShouldContain(t => t.Name == SchemaDrift.MigrationJournal);
        expected.ShouldNotBeEmpty();
        SchemaDrift.Compare(expected, actual).ShouldBeEmpty();
    }
}
