namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// The test module's only aggregate. Each handled message adds a row with its own id, so a second
// effect of one message shows up as a second row with the same text.
internal sealed class Note
{
    public Guid Id { get; init; }
    public required string Text { get; init; }
}
