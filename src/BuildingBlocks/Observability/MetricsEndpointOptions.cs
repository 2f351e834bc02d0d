namespace OrderManagement.BuildingBlocks.Observability;

public sealed class MetricsEndpointOptions
{
    public const string Section = "Metrics";

    // Unset: GET /metrics on the API's own address, for the operator role (X-Api-Key). Set (an absolute http URL with
    // its port, e.g. http://127.0.0.1:9464): the host also listens there and answers /metrics on that port only,
    // without a key, for a scraper on a private network.
    public Uri? ScrapeUrl { get; set; }

    internal bool HasValidScrapeUrl => ScrapeUrl is null || (IsHttp && IsAddressOnly);

    internal bool IsHttp => ScrapeUrl is null || (ScrapeUrl.IsAbsoluteUri && ScrapeUrl.Scheme == Uri.UriSchemeHttp);

    // Kestrel listens on an address; /metrics is served at its root, so a path (http://127.0.0.1:9470/prom), a query
    // or user info cannot be honoured.
    internal bool IsAddressOnly => ScrapeUrl is not { IsAbsoluteUri: true } url
        || (url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0);
}
