namespace OrderManagement.BadFixture;

// Violation: public, but neither a contract nor the registration entry point.
public sealed class LeakedHandler
{
    public string Handle() => nameof(LeakedHandler);
}
