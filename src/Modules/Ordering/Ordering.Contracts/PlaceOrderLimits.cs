namespace OrderManagement.Ordering.Contracts;

/// <summary>
/// The limits of a place-order request (api-contract.md, "Place-order body" rules). The validator enforces exactly
/// these, and every column and message that carries an order's values must hold the largest value they allow.
/// Lengths are in UTF-16 code units; money is in the order's currency with <see cref="MoneyDecimals"/> decimals.
/// </summary>
public static class PlaceOrderLimits
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 1000;
    public const decimal MaxUnitPrice = 1_000_000m;
    public const int MoneyDecimals = 2;

    /// <summary>The largest order total the contract allows: every line at the largest quantity and unit price.</summary>
    public const decimal MaxTotal = MaxLines * MaxQuantity * MaxUnitPrice;

    public const int MaxSkuLength = 64;
    public const int MaxCustomerIdLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxAddressLineLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxPostalCodeLength = 20;
    public const int MaxPaymentTokenLength = 128;
}
