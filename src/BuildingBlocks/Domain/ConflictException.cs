namespace OrderManagement.BuildingBlocks.Domain;

// A request that is well formed but cannot be applied to the current state; answered with 409 and Code as the
// problem type.
public class ConflictException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}
