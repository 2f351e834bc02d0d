namespace OrderManagement.BuildingBlocks.Messaging;

// The correlation id of the request or message being handled, carried across awaits.
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }

    public static string NewId() => Guid.NewGuid().ToString("N");
}
