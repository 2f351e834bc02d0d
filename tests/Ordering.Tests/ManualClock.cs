namespace OrderManagement.Ordering.Tests;

// Ordering's time, moved by hand: the saga's deadlines fall due when a test says so, never because the machine
// was slow. Timers stay on the system clock (TimeProvider's own CreateTimer).
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
