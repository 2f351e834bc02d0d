namespace OrderManagement.Ordering.Webhooks;

// Where a storefront wants an order's events sent. Belongs to the API key that created it (Owner, the key's name).
internal sealed class WebhookSubscription
{
    public Guid Id { get; init; }
    public required string Owner { get; init; }
    public required string Url { get; init; }

    // Standard Webhooks' whsec_ form ("whsec_" and the base64 of the key's bytes), encrypted (WebhookSecrets.Protector).
    // Shown in clear only in the answer to the creation.
    public required string Secret { get; init; }
    public required string[] EventTypes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool Wants(string type) => EventTypes.Contains(type, StringComparer.Ordinal);
}
