using System.Reflection;

namespace OrderManagement.BuildingBlocks.Persistence;

// What the shared machinery needs to know about a module: its name, schema, code, DbContext and how it takes its messages.
public sealed record ModuleDescriptor(string Name, string Schema, Assembly Assembly, Type DbContextType, MessageDelivery Delivery = MessageDelivery.Grouped);
