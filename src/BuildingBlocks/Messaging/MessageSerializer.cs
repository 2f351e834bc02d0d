using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderManagement.BuildingBlocks.Messaging;

public static class MessageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
