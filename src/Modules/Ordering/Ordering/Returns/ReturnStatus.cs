using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Returns;

[JsonConverter(typeof(JsonStringEnumConverter<ReturnStatus>))]
internal enum ReturnStatus
{
    Requested,
    Received,
    Refunded,
    Rejected,
}

internal enum ReturnTrigger
{
    Receive,
    Refund,
    Reject,
}
