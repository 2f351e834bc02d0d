using OrderManagement.Architecture.Tests.Rules;
using OrderManagement.Architecture.Tests.Schema;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BadFixture;
using OrderManagement.BuildingBlocks;

namespace OrderManagement.Architecture.Tests;

// How the model side of the comparison reads special mappings, checked on real models.
public sealed class ModelSchemaTests
{
    [Fact]
    public void Given_the_Shipping_model_When_reading_its_tables_Then_owned_json_is_one_jsonb_column_and_the_xmin_token_is_skipped()
    {
        using var services = ModuleDbContextModel.BuildServices((s, c) => s.AddAllModules(c));
        var model = ModuleDbContextModel.In(SolutionModules.Get("Shipping").Implementation, services).Single().Model;

        var shipments = ModelSchema.TablesOf(model).Single(t => t.Name == "shipments");

        shipments.Schema.ShouldBe("shipping");
        shipments.Columns.ShouldContain(new ColumnShape("lines", "jsonb", IsNullable: false));
        shipments.Columns.ShouldNotContain(c => c.Name == "xmin");
        shipments.Columns.ShouldNotContain(c => c.Name.StartsWith("lines_", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_an_owned_json_collection_declared_nullable_When_reading_its_table_Then_its_column_is_nullable()
    {
        using var services = ModuleDbContextModel.BuildServices((s, c) => s.AddBuildingBlocks(c).AddBadFixtureModule());
        var model = ModuleDbContextModel.In(BrokenModule.Module.Implementation, services).Single().Model;

        var ledgers = ModelSchema.TablesOf(model).Single(t => t.Name == "ledgers");

        ledgers.Columns.ShouldContain(new ColumnShape("entries", "jsonb", IsNullable: true));
    }
}
