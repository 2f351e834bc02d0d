using System.Security.Cryptography;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;

namespace OrderManagement.Ordering.Webhooks;

// POST /api/v1/webhooks as sent: url (absolute, at most 2048 characters), eventTypes (omitted or empty: all of
// WebhookEventTypes), secret (optional, Standard Webhooks' "whsec_" + base64 of 24 to 64 random bytes; generated
// when omitted).
internal sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes = null, string? Secret = null)
{
    public CreateWebhookCommand ToCommand() =>
        new(Validated.Value(Url),
            EventTypes is { Count: > 0 } wanted ? [.. wanted.Distinct(StringComparer.Ordinal)] : [.. WebhookEventTypes.All],
            Secret ?? WebhookSecrets.Generate());
}

// An accepted CreateWebhookRequest: the omitted event types and secret are resolved to all types and a generated one.
internal sealed record CreateWebhookCommand(string Url, string[] EventTypes, string Secret);

internal sealed record ListDeliveriesQuery(EnumFilter<WebhookDeliveryStatus>? Status, int? Limit, string? Cursor);

internal sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookRequest>
{
    public CreateWebhookValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(r => r.Url).Custom((url, context) =>
        {
            if (DestinationRules.UrlProblem(url, options.Value.AllowPrivateDestinations) is { } problem)
            {
                context.AddFailure("url", "url " + problem);
            }
        });
        RuleFor(r => r.EventTypes).Must(types => types is null || types.Count <= WebhookEventTypes.All.Count * 2)
            .WithMessage("eventTypes lists too many entries.");
        RuleForEach(r => r.EventTypes).Must(type => type is not null && WebhookEventTypes.IsKnown(type))
            .WithMessage($"eventTypes may hold only {string.Join(", ", WebhookEventTypes.All)}.");
        RuleFor(r => r.Secret).Must(secret => secret is null || WebhookSecrets.IsWellFormed(secret))
            .WithMessage("secret must be \"whsec_\" followed by the base64 of 24 to 64 random bytes (Standard Webhooks); omit it to have one generated.");
    }
}

internal sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesValidator(CursorCodec cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
        RuleFor(q => q.Status).Must(s => s is null || s.Value is not null).WithMessage(EnumFilter<WebhookDeliveryStatus>.MustBeOneOf("status"));
        RuleFor(q => q.Cursor)
            .Must(c => c is null || cursors.TryDecodeSequence(c, out _))
            .WithMessage("cursor was not issued by this API; pass the nextCursor of a previous page.");
    }
}

// Secrets are kept encrypted with ASP.NET Core Data Protection (the key ring every host shares, as for page cursors):
// a copy of the database alone cannot sign webhooks. The sender decrypts one for each call.
internal static class WebhookSecrets
{
    private const string Prefix = "whsec_";

    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("OrderManagement.Webhooks.Secret.v1");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static bool IsWellFormed(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return false;
        }

        var bytes = new byte[64];
        return Convert.TryFromBase64String(secret[Prefix.Length..], bytes, out var written) && written is >= 24 and <= 64;
    }
}
