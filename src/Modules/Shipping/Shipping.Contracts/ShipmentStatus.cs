using System.Text.Json.Serialization;

namespace OrderManagement.Shipping.Contracts;

// A shipment's state (api-contract.md, Shipment `status`; Order `shipmentStatus`), written in JSON by its name.
[JsonConverter(typeof(JsonStringEnumConverter<ShipmentStatus>))]
public enum ShipmentStatus
{
    ReadyToShip,
    Dispatched,
    Delivered,
    Cancelled,
}
