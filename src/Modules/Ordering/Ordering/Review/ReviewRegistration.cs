using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Operations.Settings;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.Review;

internal static class ReviewRegistration
{
    // The review rules are live settings (GET/PUT /api/v1/ops/settings, audited); the hold's length is the review
    // step's deadline, Fulfilment:ReviewDeadline.
    public static IServiceCollection AddReview(this IServiceCollection services, string module)
    {
        services.AddValidatedOptions<ReviewOptions>(ReviewOptions.Section,
            new(nameof(ReviewOptions.TotalThreshold), o => o.TotalThreshold >= 0, "must be at least 0"),
            new(nameof(ReviewOptions.NewCustomerThreshold), o => o.NewCustomerThreshold >= 0, "must be at least 0"),
            new(nameof(ReviewOptions.Countries), o => Countries.Validate(o.Countries) is null, "must be none or assigned ISO 3166-1 alpha-2 codes in capitals, separated by commas"));
        services.AddScoped<ReviewRules>();
        services.AddScoped<ReviewDesk>();
        var defaults = new ReviewOptions();
        services.AddEditableSetting(EditableSetting.Flag($"{ReviewOptions.Section}:Enabled",
            "Hold orders that match a review rule (Review:*) after their stock is reserved, until an operator decides (ADR 0018)", defaults.Enabled));
        services.AddEditableSetting(EditableSetting.Integer($"{ReviewOptions.Section}:TotalThreshold",
            "Hold an order whose total is above this, in whole units of its own currency", 0, 100_000_000, defaults.TotalThreshold));
        services.AddEditableSetting(EditableSetting.Integer($"{ReviewOptions.Section}:NewCustomerThreshold",
            "Hold a new customer's order (no other order of theirs ever Confirmed, Shipped or Delivered) whose total is above this, in whole units",
            0, 100_000_000, defaults.NewCustomerThreshold));
        services.AddEditableSetting(Countries);
        services.AddEditableSetting(EditableSetting.Duration($"{FulfilmentOptions.Section}:ReviewDeadline",
            "How long an order held for review waits for an operator's decision; then it is rejected", TimeSpan.FromSeconds(1), TimeSpan.FromDays(30),
            new FulfilmentOptions().ReviewDeadline));
        services.AddMessageTypes(new Dictionary<Type, string> { [typeof(ReviewOrder)] = "ordering.review-order.v1" });
        services.AddMessageHandler<ReviewOrder, ReviewOrderHandler>(module);
        return services;
    }

    // The codes a shipping address is checked against (IsoCodes.Countries: assigned codes only, so "ZZ" or "XX" is refused
    // as it is in an order). The platform's RegionInfo cannot be asked: the host runs with invariant globalization (no ICU
    // data), and it would take names that are no country code ("001", "en-GB").
    private static readonly EditableSetting Countries = EditableSetting.List($"{ReviewOptions.Section}:Countries",
        "Hold an order shipped to one of these countries (the shipping address's country)", IsoCodes.Countries.Contains,
        "assigned ISO 3166-1 alpha-2 country codes in capitals", 100, []);
}
