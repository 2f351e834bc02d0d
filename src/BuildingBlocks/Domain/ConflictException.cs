namespace OrderManagement.BuildingBlocks.Domain;

// A request that is well formed but cannot be applied to the current state; answered with 409.
public sealed class ConflictException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}
