using Serilog.Core;
using Serilog.Events;

namespace OrderManagement.BuildingBlocks.Observability;

// Values from requests (paths, SKUs, messages quoting them) end up in log properties. A CR or LF in one would start a
// new line that passes for a log entry in the text format, and an ESC would drive the operator's terminal, so every
// text value is written with its control characters escaped (\r, \n, \t, \u001B), whatever the output format.
internal sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (Escape(value) is { } escaped)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
            }
        }
    }

    // Null when nothing needed escaping, so events without control characters are left as they are.
    private static LogEventPropertyValue? Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when ControlCharacters.Any(text) => new ScalarValue(ControlCharacters.Escape(text)),
        SequenceValue sequence when sequence.Elements.Select(Escape).ToList() is var elements && elements.Any(e => e is not null) =>
            new SequenceValue(sequence.Elements.Select((e, i) => elements[i] ?? e)),
        StructureValue structure when structure.Properties.Select(p => Escape(p.Value)).ToList() is var values && values.Any(v => v is not null) =>
            new StructureValue(structure.Properties.Select((p, i) => new LogEventProperty(p.Name, values[i] ?? p.Value)), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Escape(e.Key) is not null || Escape(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                (ScalarValue?)Escape(e.Key) ?? e.Key, Escape(e.Value) ?? e.Value))),
        _ => null,
    };
}
