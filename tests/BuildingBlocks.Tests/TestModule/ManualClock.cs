namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// A clock the test moves by hand, so "not yet available" does not depend on how fast the machine is.
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
