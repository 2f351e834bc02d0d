using System.Text;

namespace OrderManagement.Host.Tests.Api.Support;

// What the host writes to its console (the log output an operator reads), captured while a test runs. Host tests run
// one at a time, so swapping the process-wide console writers is safe; the originals are put back on dispose.
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _out = System.Console.Out;
    private readonly TextWriter _error = System.Console.Error;
    private readonly StringBuilder _text = new();
    private readonly TextWriter _writer;

    public ConsoleCapture()
    {
        _writer = TextWriter.Synchronized(new StringWriter(_text));
        System.Console.SetOut(_writer);
        System.Console.SetError(_writer);
    }

    public string Text
    {
        get
        {
            lock (_writer)
            {
                _writer.Flush();
                return _text.ToString();
            }
        }
    }

    // Lines as a terminal or a log shipper splits them: at CR as well as at LF.
    public IReadOnlyList<string> Lines => Text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);

    public void Dispose()
    {
        System.Console.SetOut(_out);
        System.Console.SetError(_error);
    }
}
