using System.Text.Json.Serialization;

namespace OrderManagement.Payments.Contracts;

// A payment's state (api-contract.md, Payment `status`; Order `paymentStatus`), written in JSON by its name.
[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    Pending,
    Authorized,
    PartiallyCaptured,
    Captured,
    Declined,
    Failed,
    Voided,
    Refunded,
}
