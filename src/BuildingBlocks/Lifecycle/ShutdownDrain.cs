namespace OrderManagement.BuildingBlocks.Lifecycle;

// Whether this host has been asked to stop and is draining: readiness fails and responses close their connection.
internal sealed class ShutdownDrain
{
    private int _draining;

    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    // True for the first call only.
    public bool Begin() => Interlocked.Exchange(ref _draining, 1) == 0;
}
