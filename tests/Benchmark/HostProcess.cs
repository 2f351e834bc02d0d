using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderManagement.Benchmark;

// One OrderManagement.Host process: `dotnet OrderManagement.Host.dll` on its own loopback port, output appended
// to a log file under the work directory. It can be killed (SIGKILL) and started again on the same port. `hostDll` and
// `env` override --host-dll and add to --host-env (the upgrade test runs an older build first).
internal sealed class HostProcess(int index, int port, Options options, string workDir, string? hostDll = null,
    IReadOnlyList<KeyValuePair<string, string>>? env = null)
{
    private readonly Lock _gate = new();
    private Process? _process;
    private long _peakRssKb;
    private int _starts;

    public int Index => index;
    public int Port => port;
    public Uri BaseUri { get; } = new($"http://127.0.0.1:{port}/");
    public string LogPath { get; } = Path.Combine(workDir, $"host{index}.log");
    public int Starts => _starts;

    // Highest VmHWM seen over every incarnation of this host.
    public long PeakRssKb
    {
        get
        {
            SampleRss();
            return Interlocked.Read(ref _peakRssKb);
        }
    }

    public int? Pid
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Start()
    {
        var dll = Path.GetFullPath(hostDll ?? options.HostDll);
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            // The host's content root is its working directory: the build output holds appsettings*.json.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        // exec: the shell becomes the host, so the pid is the host's and output goes straight to the file.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" >>\"$1\" 2>&1 </dev/null");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(Path.GetFullPath(LogPath));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__OrderManagement"] = options.Connection;
        start.Environment["Serilog__MinimumLevel__Default"] = options.HostLogLevel;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in options.HostEnv.Concat(env ?? []))
        {
            start.Environment[key] = value;
        }

        lock (_gate)
        {
            _starts++;
            File.AppendAllText(LogPath, $"==== benchmark: start #{_starts} of host {index} on port {port} at {DateTime.UtcNow:O}{Environment.NewLine}");
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
            File.AppendAllText(Path.Combine(workDir, "hosts.pid"), _process.Id.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        }
    }

    public async Task<bool> WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            lock (_gate)
            {
                if (_process is null || _process.HasExited)
                {
                    return false;
                }
            }

            try
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cts.CancelAfter(TimeSpan.FromSeconds(3));
                using var response = await http.GetAsync(new Uri(BaseUri, "health/ready"), cts.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }

    public void SampleRss()
    {
        int? pid = Pid;
        if (pid is null)
        {
            return;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    long seen;
                    while (kb > (seen = Interlocked.Read(ref _peakRssKb)) && Interlocked.CompareExchange(ref _peakRssKb, kb, seen) != seen)
                    {
                    }

                    return;
                }
            }
        }
        catch (IOException)
        {
            // The process just went away.
        }
    }

    // kill -9, as a crash would.
    public void Kill()
    {
        SampleRss();
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is null || process.HasExited)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    // SIGTERM, then SIGKILL after the grace period.
    public async Task StopAsync(TimeSpan grace)
    {
        SampleRss();
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is null || process.HasExited)
        {
            return;
        }

        try
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            term?.WaitForExit(5000);
            using var cts = new CancellationTokenSource(grace);
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
