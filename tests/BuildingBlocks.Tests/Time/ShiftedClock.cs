namespace OrderManagement.BuildingBlocks.Tests.Time;

// A host's wall clock that is off by a fixed amount (its monotonic timestamps are the machine's, as they would be).
internal sealed class ShiftedClock(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
}
