namespace OrderManagement.BuildingBlocks.Lifecycle;

// Section "Shutdown". DrainPeriod: after SIGTERM, how long the host keeps serving with /health/ready at 503 so a load
// balancer stops sending it traffic before the listener closes (hh:mm:ss, 0 to 5 minutes; default 5 s).
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    public TimeSpan DrainPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
