using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderManagement.Host.Tests.Api.Support;

// The contract's resource shapes and value rules, checked on a parsed response.
public static partial class Representation
{
    public static readonly string[] OrderFields =
        ["orderId", "customerId", "status", "rejectionReason", "currency", "lines", "total", "shippingAddress", "paymentId",
         "paymentStatus", "shipmentId", "shipmentStatus", "trackingNumber", "createdAt", "updatedAt", "version", "cancellationRequestedAt"];

    public static readonly string[] LineFields = ["sku", "quantity", "unitPrice", "lineTotal"];
    public static readonly string[] AddressFields = ["name", "line1", "line2", "city", "postalCode", "country"];
    public static readonly string[] OrderStatuses = ["Pending", "Confirmed", "Shipped", "Delivered", "Cancelled", "Rejected"];
    // The contract's three, and RejectedInReview, an addition of the review hold (ADR 0018).
    public static readonly string[] RejectionReasons = ["OutOfStock", "PaymentDeclined", "PaymentFailed", "RejectedInReview"];
    public static readonly string[] PaymentStatuses = ["Pending", "Authorized", "PartiallyCaptured", "Captured", "Declined", "Failed", "Voided", "Refunded"];
    public static readonly string[] ShipmentStatuses = ["ReadyToShip", "Dispatched", "Delivered", "Cancelled"];
    public static readonly string[] SagaStatuses = ["Running", "Completed", "Compensating", "Compensated", "Failed"];
    public static readonly string[] SagaSteps = ["ReserveStock", "ReviewOrder", "AuthorizePayment", "CreateShipment", "CancelShipment", "VoidPayment", "ReleaseStock"];
    public static readonly string[] Modules = ["Ordering", "Inventory", "Payments", "Shipping"];

    public static void ShouldHaveFields(this JsonObject resource, params string[] fields)
    {
        foreach (var field in fields)
        {
            resource.ContainsKey(field).ShouldBeTrue($"'{field}' missing from {resource.ToJsonString()}");
        }
    }

    public static void ShouldBeMoney(this JsonNode? value)
    {
        value.ShouldNotBeNull();
        value.GetValueKind().ShouldBe(JsonValueKind.Number, value.ToJsonString());
        MoneyText().IsMatch(value.ToJsonString()).ShouldBeTrue($"{value.ToJsonString()} has more than 2 decimals");
    }

    public static DateTimeOffset ShouldBeUtcTimestamp(this JsonNode? value)
    {
        value.ShouldNotBeNull();
        value.GetValueKind().ShouldBe(JsonValueKind.String);
        var text = value.GetValue<string>();
        Iso8601Utc().IsMatch(text).ShouldBeTrue($"'{text}' is not an ISO-8601 UTC timestamp");
        var parsed = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        parsed.Offset.ShouldBe(TimeSpan.Zero);
        return parsed;
    }

    public static void ShouldBeUuid(this JsonNode? value)
    {
        value.ShouldNotBeNull();
        Guid.TryParseExact(value.GetValue<string>(), "D", out _).ShouldBeTrue(value.ToJsonString());
    }

    public static void ShouldBeOneOfOrNull(this JsonNode? value, string[] allowed)
    {
        if (value is not null)
        {
            value.GetValue<string>().ShouldBeOneOf(allowed);
        }
    }

    [GeneratedRegex(@"^-?\d+(\.\d{1,2})?$")]
    private static partial Regex MoneyText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|\+00:00)$")]
    private static partial Regex Iso8601Utc();
}
