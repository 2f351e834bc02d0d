using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Scripts;

// The built host (src/Host/bin/Release) as a process of its own, in Development on the test database: for what needs
// real Kestrel or real signals. Killed on dispose if it is still running.
internal sealed class BuiltHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reading;

    private BuiltHost(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
        _reading = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    // database: null for the project's shared test database, else the purpose of a private one (TestDatabase).
    public static async Task<BuiltHost> StartAsync(IReadOnlyDictionary<string, string> environment, string? database = null)
    {
        var port = RunScript.FreePort();
        var directory = Path.Combine(RunScript.Repository, "src", "Host", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "OrderManagement.Host.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Api__RequestTimeout"] = "00:01:00"; // slow, not abandoned, on a busy machine
        start.Environment["Api__Intake__MaxBacklogAge"] = "1.00:00:00"; // bursts expect 202 on a busy machine
        start.Environment["ConnectionStrings__OrderManagement"] = database is null
            ? await TestDatabase.ConnectionStringAsync()
            : await TestDatabase.ConnectionStringAsync(database);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new BuiltHost(Process.Start(start)!, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Poller.UntilAsync(() => host.LiveAsync(client), live => live, "the host to answer /health/live", TimeSpan.FromSeconds(90));
        return host;
    }

    // What an orchestrator sends to stop a container.
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        await _reading;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reading;
        _process.Dispose();
    }

    private async Task<bool> LiveAsync(HttpClient client)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it answered:\n{Output}");
        }

        try
        {
            return (await client.GetAsync(new Uri(Address, "/health/live"))).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet, or too slow to answer on a busy machine
        }
    }

    private async Task Pump(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
