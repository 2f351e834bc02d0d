namespace OrderManagement.BuildingBlocks.Messaging;

// Stable names for message types: stored in outbox rows, so a renamed class never strands a message.
public sealed class MessageTypeMap
{
    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, Type> _types = [];

    public MessageTypeMap(IEnumerable<MessageTypeName> names)
    {
        foreach (var (type, name) in names)
        {
            if (_names.TryGetValue(type, out var existing) && existing != name)
            {
                throw new InvalidOperationException($"{type.Name} is registered as both '{existing}' and '{name}'.");
            }

            if (_types.TryGetValue(name, out var other) && other != type)
            {
                throw new InvalidOperationException($"Message name '{name}' is used by both {other.Name} and {type.Name}.");
            }

            _names[type] = name;
            _types[name] = type;
        }
    }

    public string NameOf(Type type) =>
        _names.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type.FullName} has no message name; register it with AddMessageTypes.");

    public Type? FindType(string name) => _types.GetValueOrDefault(name);

    public Type TypeOf(string name) =>
        _types.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"No message type is registered under '{name}'.");
}

public sealed record MessageTypeName(Type Type, string Name);
