using OrderManagement.Architecture.Tests.Schema;

namespace OrderManagement.Architecture.Tests;

public sealed class StoreTypeTests
{
    [Theory]
    [InlineData("timestamp with time zone", "timestamptz")]
    [InlineData("integer", "int4")]
    [InlineData("bigint", "int8")]
    [InlineData("boolean", "bool")]
    [InlineData("numeric(12,2)", "numeric(12, 2)")]
    [InlineData("character varying(20)", "varchar(20)")]
    [InlineData("timestamp(3) with time zone", "timestamptz(3)")]
    [InlineData("integer[]", "int4[]")]
    [InlineData("jsonb", "JSONB")]
    public void Given_two_spellings_of_one_type_When_normalising_Then_they_are_equal(string efSpelling, string postgresSpelling)
    {
        StoreTypes.Normalise(efSpelling).ShouldBe(StoreTypes.Normalise(postgresSpelling));
    }

    [Theory]
    [InlineData("numeric(12,2)", "numeric(14,2)")]
    [InlineData("numeric", "numeric(12,2)")]
    [InlineData("timestamp", "timestamptz")]
    [InlineData("integer", "bigint")]
    [InlineData("json", "jsonb")]
    public void Given_two_different_types_When_normalising_Then_they_stay_different(string left, string right)
    {
        StoreTypes.Normalise(left).ShouldNotBe(StoreTypes.Normalise(right));
    }
}
