using OrderManagement.BuildingBlocks.Operations.Settings;

namespace OrderManagement.Ordering.Review;

// The rules that hold an order for review (ADR 0018), live settings read through IOptionsMonitor when the review step
// runs. Amounts are compared with the order's total in its own currency (no conversion), in whole units.
internal sealed class ReviewOptions
{
    public const string Section = "Review";

    public bool Enabled { get; set; }

    // Held when the total is above this.
    public int TotalThreshold { get; set; } = 10_000;

    // Held when a new customer's total is above this: a customer with no other order that was ever Confirmed, Shipped
    // or Delivered (an order cancelled after confirmation counts as never confirmed: its status is Cancelled).
    public int NewCustomerThreshold { get; set; } = 2_000;

    // Held when the shipping address's country (ISO 3166-1 alpha-2) is in this list ("none" or codes separated by commas).
    public string Countries { get; set; } = EditableSetting.EmptyList;

    public IReadOnlyList<string> CountryList => EditableSetting.ItemsOf(Countries);
}
