namespace OrderManagement.BuildingBlocks.Time;

// The host's own clock, which the registered TimeProvider (the database's clock, see DatabaseClock) corrects. It is a
// keyed TimeProvider service under Key, TimeProvider.System unless a test registers a shifted one first: a host whose
// clock is 5 minutes ahead is `services.AddKeyedSingleton<TimeProvider>(HostClock.Key, shifted)`. Replacing the
// unkeyed TimeProvider instead (ManualClock in tests) takes the database's clock out altogether.
public static class HostClock
{
    public const string Key = "host-clock";
}
