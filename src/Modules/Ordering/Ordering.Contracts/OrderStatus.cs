using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Contracts;

// An order's status in lifecycle order (api-contract.md, Order `status`), written in JSON by its name. The order's
// state machine moves it; other modules read it through IOrderStatusQueries.
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
    Rejected,
}

// Why an order was rejected (Order `rejectionReason`).
[JsonConverter(typeof(JsonStringEnumConverter<RejectionReason>))]
public enum RejectionReason
{
    OutOfStock,
    PaymentDeclined,
    PaymentFailed,
    RejectedInReview,
}
