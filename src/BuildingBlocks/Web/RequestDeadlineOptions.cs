namespace OrderManagement.BuildingBlocks.Web;

// Section "Api". RequestTimeout: the deadline of one API request, queueing for a database connection and waiting on
// locks included; past it the request is abandoned and answered 503 request-timeout (hh:mm:ss, 1 s to 60 s; default
// 10 s, below the 30 s database command timeout so a client hears back before it gives up).
public sealed class RequestDeadlineOptions
{
    public const string Section = "Api";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
