using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Persistence;

// The shared services every module's DbContext needs to publish messages; one constructor parameter instead of four.
public sealed class ModuleDbContextServices
{
    internal ModuleDbContextServices(MessageRouting routing, MessageTypeMap typeMap, OutboxSignals signals, TimeProvider time)
    {
        Routing = routing;
        TypeMap = typeMap;
        Signals = signals;
        Time = time;
    }

    internal MessageRouting Routing { get; }
    internal MessageTypeMap TypeMap { get; }
    internal OutboxSignals Signals { get; }
    public TimeProvider Time { get; }
}
