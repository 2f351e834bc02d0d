using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.BuildingBlocks.Tests.Application;

public sealed class ValidatedTests
{
    private sealed record Body(string? Carrier, int? Quantity);

    [Fact]
    public void Given_validated_fields_When_read_Then_their_values_come_back()
    {
        var body = new Body("DHL", 3);

        Validated.Value(body.Carrier).ShouldBe("DHL");
        Validated.Value(body.Quantity).ShouldBe(3);
    }

    [Fact]
    public void Given_a_field_the_validator_let_through_as_null_When_read_Then_the_error_names_the_field()
    {
        var body = new Body(null, null);

        Should.Throw<InvalidOperationException>(() => Validated.Value(body.Carrier)).Message.ShouldStartWith("body.Carrier is null");
        Should.Throw<InvalidOperationException>(() => Validated.Value(body.Quantity)).Message.ShouldStartWith("body.Quantity is null");
    }
}
