namespace OrderManagement.BuildingBlocks.Web;

// A kind of problem the API answers with: its type URI's last segment, its status and its title. RFC 9457 section 3.1.3:
// the title summarises the type and does not change from one occurrence to the next; what differs goes in the detail.
// The OpenAPI document's problem examples are built from these same values, so they cannot drift from real answers.
public sealed record ProblemType(string Name, int Status, string Title)
{
    public static readonly ProblemType Validation = new("validation", 400, "The request is invalid.");
    public static readonly ProblemType MalformedJson = new("malformed-json", 400, "The request body is not valid JSON for this endpoint.");
    public static readonly ProblemType MissingBody = new("missing-body", 400, "The request body is missing.");
    public static readonly ProblemType BadRequest = new("bad-request", 400, "The request could not be read.");
    public static readonly ProblemType Unauthorized = new("unauthorized", 401, "An API key is required.");
    public static readonly ProblemType Forbidden = new("forbidden", 403, "This API key may not do that.");
    public static readonly ProblemType NotFound = new("not-found", 404, "The resource was not found.");
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405, "This path does not accept that HTTP method.");
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", 413, "The request body is too large.");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "The request body must be UTF-8 JSON.");
    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", 422, "This Idempotency-Key was used for a different request.");
    public static readonly ProblemType DatabaseUnavailable = new("database-unavailable", 503, "The service is temporarily unavailable.");

    // Every 409's title; the type names the conflict (the domain's code).
    public const string ConflictTitle = "The request conflicts with the resource's current state.";

    public string Uri => ProblemResponses.TypeBase + Name;
}
