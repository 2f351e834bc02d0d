using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.OrderHistory;

// The module that recorded a history entry (api-contract.md, HistoryEntry `module`), written in JSON by its name.
[JsonConverter(typeof(JsonStringEnumConverter<HistoryModule>))]
internal enum HistoryModule
{
    Ordering,
    Inventory,
    Payments,
    Shipping,
}
