using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace OrderManagement.BuildingBlocks.Observability;

// The Development text format. An exception's text may quote request values (a message naming a SKU), so it is
// written below its event with every line indented and control characters escaped: no line of it can begin like an
// entry of its own ("[09:41:00 ERR] ...").
internal sealed class EscapedExceptionTextFormatter(string outputTemplate) : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _event = new(outputTemplate);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        _event.Format(logEvent, output);
        if (logEvent.Exception is null)
        {
            return;
        }

        foreach (var line in logEvent.Exception.ToString().Split('\n'))
        {
            output.Write("    ");
            output.WriteLine(ControlCharacters.Escape(line.TrimEnd('\r')));
        }
    }
}
