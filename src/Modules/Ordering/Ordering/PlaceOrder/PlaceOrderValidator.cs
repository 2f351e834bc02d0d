using System.Text.RegularExpressions;
using FluentValidation;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.PlaceOrder;

internal sealed partial class PlaceOrderValidator : AbstractValidator<PlaceOrderRequest>
{
    public PlaceOrderValidator()
    {
        RuleFor(c => c.CustomerId).RequiredText("customerId", PlaceOrderLimits.MaxCustomerIdLength);
        RuleFor(c => c.Currency).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("currency is required.")
            .Must(c => IsoCodes.Currencies.Contains(c!)).WithMessage("currency must be an ISO 4217 code such as EUR, USD or GBP.");
        RuleFor(c => c.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("lines is required.")
            .Must(l => l!.Count is >= 1 and <= PlaceOrderLimits.MaxLines).WithMessage($"lines must hold 1 to {PlaceOrderLimits.MaxLines} lines.")
            .Must(HaveDistinctSkus).WithMessage("lines must not name the same sku twice.");
        RuleForEach(c => c.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("each line must be an object.")
            .SetValidator(new PlaceOrderLineValidator()!);
        RuleFor(c => c.ShippingAddress).NotNull().WithMessage("shippingAddress is required.")
            .SetValidator(new PlaceOrderAddressValidator()!);
        RuleFor(c => c.Payment).NotNull().WithMessage("payment is required.")
            .SetValidator(new PlaceOrderPaymentValidator()!);
    }

    private static bool HaveDistinctSkus(List<PlaceOrderLine?>? lines) =>
        lines is null || lines.Where(l => l?.Sku is not null).GroupBy(l => l!.Sku, StringComparer.Ordinal).All(g => g.Count() == 1);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    internal static partial Regex SkuPattern();
}

internal sealed class PlaceOrderLineValidator : AbstractValidator<PlaceOrderLine>
{
    public PlaceOrderLineValidator()
    {
        RuleFor(l => l.Sku).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("sku is required.")
            .Matches(PlaceOrderValidator.SkuPattern()).WithMessage("sku must be 1 to 64 characters of A-Z a-z 0-9 - _ .");
        RuleFor(l => l.Quantity).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("quantity is required.")
            .InclusiveBetween(1, PlaceOrderLimits.MaxQuantity).WithMessage($"quantity must be between 1 and {PlaceOrderLimits.MaxQuantity}.");
        RuleFor(l => l.UnitPrice).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("unitPrice is required.")
            .Must(p => p > 0 && p <= PlaceOrderLimits.MaxUnitPrice).WithMessage($"unitPrice must be greater than 0 and at most {PlaceOrderLimits.MaxUnitPrice}.")
            .Must(p => decimal.Round(p!.Value, PlaceOrderLimits.MoneyDecimals) == p).WithMessage($"unitPrice must have at most {PlaceOrderLimits.MoneyDecimals} decimals.");
    }
}

internal sealed class PlaceOrderAddressValidator : AbstractValidator<PlaceOrderAddress>
{
    public PlaceOrderAddressValidator()
    {
        RuleFor(a => a.Name).RequiredText("name", PlaceOrderLimits.MaxNameLength);
        RuleFor(a => a.Line1).RequiredText("line1", PlaceOrderLimits.MaxAddressLineLength);
        RuleFor(a => a.Line2).OptionalText("line2", PlaceOrderLimits.MaxAddressLineLength);
        RuleFor(a => a.City).RequiredText("city", PlaceOrderLimits.MaxCityLength);
        RuleFor(a => a.PostalCode).RequiredText("postalCode", PlaceOrderLimits.MaxPostalCodeLength);
        RuleFor(a => a.Country).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("country is required.")
            .Must(c => IsoCodes.Countries.Contains(c!)).WithMessage("country must be an ISO 3166-1 alpha-2 code such as GB.");
    }
}

internal sealed class PlaceOrderPaymentValidator : AbstractValidator<PlaceOrderPayment>
{
    public PlaceOrderPaymentValidator()
    {
        RuleFor(p => p.Method).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("method is required.")
            .Equal("card").WithMessage("method must be 'card'.");
        RuleFor(p => p.Token).RequiredText("token", PlaceOrderLimits.MaxPaymentTokenLength);
    }
}
