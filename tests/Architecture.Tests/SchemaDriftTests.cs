using OrderManagement.Architecture.Tests.Schema;

namespace OrderManagement.Architecture.Tests;

// The comparison itself, on small in-memory schemas: each kind of drift is reported, and a match reports nothing.
public sealed class SchemaDriftTests
{
    private static readonly TableShape Payments = new(
        "payments",
        "payments",
        [
            new ColumnShape("id", "uuid", IsNullable: false),
            new ColumnShape("seq", "bigint", IsNullable: false, Identity: "ALWAYS"),
            new ColumnShape("amount", "numeric(12,2)", IsNullable: false),
            new ColumnShape("last_error", "text", IsNullable: true),
        ],
        ["id"],
        [new IndexShape("ux_payments_seq", ["seq"], IsUnique: true)]);

    private static readonly TableShape Journal = new("payments", SchemaDrift.MigrationJournal, [new ColumnShape("version", "text", false)], ["version"], []);

    [Fact]
    public void Given_a_database_that_matches_the_model_When_comparing_Then_no_difference_is_reported()
    {
        SchemaDrift.Compare([Payments], [Payments, Journal]).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_database_column_the_model_does_not_map_When_comparing_Then_it_is_reported()
    {
        var database = Payments with { Columns = [.. Payments.Columns, new ColumnShape("refund_note", "text", true)] };

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments.refund_note: the database has this column, the model does not map it");
    }

    [Fact]
    public void Given_a_model_column_the_database_lacks_When_comparing_Then_it_is_reported()
    {
        var model = Payments with { Columns = [.. Payments.Columns, new ColumnShape("currency", "text", false)] };

        SchemaDrift.Compare([model], [Payments])
            .ShouldHaveSingleItem().ShouldBe("payments.payments.currency: the model maps this column, the database has no such column");
    }

    [Fact]
    public void Given_a_column_whose_type_differs_When_comparing_Then_it_is_reported()
    {
        var database = WithColumn(Payments, new ColumnShape("amount", "numeric(14,2)", false));

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments.amount: the model's type is numeric(12,2), the database's is numeric(14,2)");
    }

    [Fact]
    public void Given_a_column_whose_nullability_differs_When_comparing_Then_it_is_reported()
    {
        var database = WithColumn(Payments, new ColumnShape("last_error", "text", false));

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments.last_error: the model says NULL, the database says NOT NULL");
    }

    [Fact]
    public void Given_a_column_that_is_an_identity_only_in_the_model_When_comparing_Then_it_is_reported()
    {
        var database = WithColumn(Payments, new ColumnShape("seq", "bigint", false));

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments.seq: the model's identity is ALWAYS, the database's is none");
    }

    [Fact]
    public void Given_a_primary_key_that_differs_When_comparing_Then_it_is_reported()
    {
        var database = Payments with { PrimaryKey = ["id", "seq"] };

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments: the model's primary key is (id), the database's is (id, seq)");
    }

    [Fact]
    public void Given_a_unique_index_missing_from_the_database_When_comparing_Then_it_is_reported()
    {
        var database = Payments with { Indexes = [] };

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments: the model declares unique index ux_payments_seq (seq), the database has no such index");
    }

    [Fact]
    public void Given_an_index_that_is_not_unique_in_the_database_When_comparing_Then_it_is_reported()
    {
        var database = Payments with { Indexes = [new IndexShape("ux_payments_seq", ["seq"], IsUnique: false)] };

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments: the model declares unique index ux_payments_seq (seq), the database has index ux_payments_seq (seq)");
    }

    [Fact]
    public void Given_a_unique_index_only_in_the_database_When_comparing_Then_it_is_reported()
    {
        var database = Payments with { Indexes = [.. Payments.Indexes, new IndexShape("ux_payments_amount", ["amount"], IsUnique: true)] };

        SchemaDrift.Compare([Payments], [database])
            .ShouldHaveSingleItem().ShouldBe("payments.payments: the database has unique index ux_payments_amount (amount), the model does not declare it");
    }

    [Fact]
    public void Given_a_non_unique_index_only_in_the_database_When_comparing_Then_it_is_not_drift()
    {
        var database = Payments with { Indexes = [.. Payments.Indexes, new IndexShape("ix_payments_pending", ["amount"], IsUnique: false)] };

        SchemaDrift.Compare([Payments], [database]).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_database_table_no_entity_maps_When_comparing_Then_it_is_reported()
    {
        var refunds = Payments with { Name = "refunds" };

        SchemaDrift.Compare([Payments], [Payments, refunds, Journal])
            .ShouldHaveSingleItem().ShouldBe("payments.refunds: the database has this table, no entity maps it");
    }

    [Fact]
    public void Given_a_model_table_the_database_lacks_When_comparing_Then_it_is_reported()
    {
        var elsewhere = Payments with { Schema = "ordering" };

        SchemaDrift.Compare([Payments, elsewhere], [Payments])
            .ShouldHaveSingleItem().ShouldBe("ordering.payments: the model maps this table, the database has no such table");
    }

    private static TableShape WithColumn(TableShape table, ColumnShape column) =>
        table with { Columns = [.. table.Columns.Select(c => c.Name == column.Name ? column : c)] };
}
