using FluentValidation;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.PlaceOrder;

internal sealed class PlaceOrderValidator : AbstractValidator<PlaceOrderRequest>
{
    public PlaceOrderValidator()
    {
        RuleFor(c => c.CustomerId).RequiredText("customerId", PlaceOrderLimits.MaxCustomerIdLength);
        RuleFor(c => c.Currency).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("currency is required.")
            .Must(c => IsoCodes.Currencies.Contains(c!)).WithMessage("currency must be an ISO 4217 code such as EUR, USD or GBP.");
        RuleFor(c => c.Lines).LinesOfDistinctSkus(l => l.Sku);
        RuleForEach(c => c.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("each line must be an object.")
            .SetValidator(new PlaceOrderLineValidator()!);
        RuleFor(c => c.ShippingAddress).NotNull().WithMessage("shippingAddress is required.")
            .SetValidator(new PlaceOrderAddressValidator()!);
        RuleFor(c => c.Payment).NotNull().WithMessage("payment is required.")
            .SetValidator(new PlaceOrderPaymentValidator()!);
    }
}

internal sealed class PlaceOrderLineValidator : AbstractValidator<PlaceOrderLine>
{
    public PlaceOrderLineValidator()
    {
        RuleFor(l => l.Sku).Sku();
        RuleFor(l => l.Quantity).Units();
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
