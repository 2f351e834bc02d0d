using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;

namespace OrderManagement.BuildingBlocks.Tests.Application;

public sealed class ValidationBehaviorTests
{
    [Fact]
    public async Task Given_an_invalid_nested_field_When_the_command_is_sent_Then_the_error_names_its_camel_case_path()
    {
        await using var host = await TestModuleHost.StartAsync();
        var command = new AddNoteCommand("text", [new NoteLine("A-1", 1), new NoteLine("B-2", 0)]);

        var error = await Should.ThrowAsync<RequestValidationException>(() => host.SendAsync(command));

        error.Errors.Keys.ShouldBe(["lines[1].quantity"]);
        error.Errors["lines[1].quantity"].ShouldBe(["'Quantity' must be greater than '0'."]);
    }

    [Fact]
    public async Task Given_several_invalid_fields_When_the_command_is_sent_Then_every_field_is_reported()
    {
        await using var host = await TestModuleHost.StartAsync();
        var command = new AddNoteCommand("", [new NoteLine("A-1", -1), new NoteLine("B-2", 0)]);

        var error = await Should.ThrowAsync<RequestValidationException>(() => host.SendAsync(command));

        error.Errors.Keys.ShouldBe(["text", "lines[0].quantity", "lines[1].quantity"], ignoreOrder: true);
    }

    [Fact]
    public async Task Given_an_invalid_command_When_it_is_sent_Then_the_handler_is_not_called()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"invalid-{Guid.NewGuid()}";

        await Should.ThrowAsync<RequestValidationException>(() => host.SendAsync(new AddNoteCommand(text, [new NoteLine("A-1", 0)])));

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(0);
        (await TestModuleDatabase.OutboxRowsAsync(text)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Lines[0].Quantity", "lines[0].quantity")]
    [InlineData("Text", "text")]
    [InlineData("ShippingAddress.PostCode", "shippingAddress.postCode")]
    [InlineData("", "")]
    public void Given_a_property_path_When_converted_Then_every_segment_is_camel_case(string path, string expected) =>
        RequestValidation.ToCamelCasePath(path).ShouldBe(expected);
}
