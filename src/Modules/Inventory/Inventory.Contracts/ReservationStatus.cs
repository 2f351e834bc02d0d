using System.Text.Json.Serialization;

namespace OrderManagement.Inventory.Contracts;

// A stock reservation's state (the reservation state machine's), written in JSON by its name.
[JsonConverter(typeof(JsonStringEnumConverter<ReservationStatus>))]
public enum ReservationStatus
{
    Reserved,
    Released,
    Committed,
}
