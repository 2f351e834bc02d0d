using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.OrderHistory;

// One of the four modules, written in JSON by its name: who recorded a history entry (api-contract.md, HistoryEntry
// `module`), which module a dead letter belongs to, which module a stalled saga waits for.
[JsonConverter(typeof(JsonStringEnumConverter<ModuleName>))]
internal enum ModuleName
{
    Ordering,
    Inventory,
    Payments,
    Shipping,
}
