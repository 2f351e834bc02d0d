namespace OrderManagement.BuildingBlocks.Time;

// The time every host uses for what decides when something runs (a message's available_at, a saga deadline, a
// payment's backoff) and for history: the database's clock, which all hosts share, so a host whose own clock is off
// neither runs work early nor dates it into the future. No round trip per call: the offset is measured every
// Clock:SyncInterval (DatabaseClockSync) and applied to the host's monotonic timestamp, so a step of the host's
// wall clock between samples changes nothing. Until the first sample, the host's own clock. Never goes backwards once
// sampled.
internal sealed class DatabaseClock(TimeProvider host) : TimeProvider
{
    private Sample? _sample;
    private long _lastTicks;

    // Host minus database, at the last sample; null before the first.
    public TimeSpan? Skew => Volatile.Read(ref _sample)?.Skew;

    public TimeProvider Host => host;

    public override DateTimeOffset GetUtcNow()
    {
        var sample = Volatile.Read(ref _sample);
        if (sample is null)
        {
            // Not a floor for later readings: a host clock 5 minutes ahead would otherwise hold this clock 5 minutes
            // ahead (dating deadlines and history into the future) until the database's time caught up with it.
            return host.GetUtcNow();
        }

        var ticks = sample.DatabaseTicks + host.GetElapsedTime(sample.Timestamp).Ticks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastTicks);
            if (ticks <= last)
            {
                return new DateTimeOffset(last, TimeSpan.Zero);
            }

            if (Interlocked.CompareExchange(ref _lastTicks, ticks, last) == last)
            {
                return new DateTimeOffset(ticks, TimeSpan.Zero);
            }
        }
    }

    public override long GetTimestamp() => host.GetTimestamp();

    public override long TimestampFrequency => host.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => host.LocalTimeZone;

    // databaseTime was read between the two host timestamps: it is taken as the database's time halfway through.
    public void Record(DateTimeOffset databaseTime, long sentAt, long receivedAt)
    {
        var roundTrip = host.GetElapsedTime(sentAt, receivedAt);
        var databaseAtReceipt = databaseTime + roundTrip / 2;
        var skew = host.GetUtcNow() - host.GetElapsedTime(receivedAt) - databaseAtReceipt;
        Volatile.Write(ref _sample, new Sample(databaseAtReceipt.UtcTicks, receivedAt, skew));
    }

    private sealed record Sample(long DatabaseTicks, long Timestamp, TimeSpan Skew);
}
