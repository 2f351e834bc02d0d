using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Orders;

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
internal enum OrderStatus
{
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
    Rejected,
}

internal enum OrderTrigger
{
    Confirm,
    Ship,
    Deliver,
    Cancel,
    Reject,
}

[JsonConverter(typeof(JsonStringEnumConverter<RejectionReason>))]
internal enum RejectionReason
{
    OutOfStock,
    PaymentDeclined,
    PaymentFailed,
    RejectedInReview,
}
