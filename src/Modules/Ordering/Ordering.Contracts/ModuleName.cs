using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Contracts;

// One of the four modules, written in JSON by its name: who recorded a history entry (api-contract.md, HistoryEntry
// `module`), which module a dead letter belongs to, which module a stalled saga waits for, which module holds a part of
// an order.
[JsonConverter(typeof(JsonStringEnumConverter<ModuleName>))]
public enum ModuleName
{
    Ordering,
    Inventory,
    Payments,
    Shipping,
}
