namespace OrderManagement.BuildingBlocks.Observability;

public sealed class MetricsEndpointOptions
{
    public const string Section = "Metrics";

    // Unset: GET /metrics on the API's own address, for the operator role (X-Api-Key). Set (an absolute http URL with
    // its port, e.g. http://127.0.0.1:9464): the host also listens there and answers /metrics on that port only,
    // without a key, for a scraper on a private network.
    public Uri? ScrapeUrl { get; set; }

    internal bool HasValidScrapeUrl => ScrapeUrl is null || (ScrapeUrl.IsAbsoluteUri && ScrapeUrl.Scheme == Uri.UriSchemeHttp);
}
