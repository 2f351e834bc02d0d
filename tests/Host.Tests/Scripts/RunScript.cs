using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrderManagement.Host.Tests.Scripts;

// Runs build/run.sh (or a line of bash in the checkout) the way a newcomer does, and returns what it printed.
internal static class RunScript
{
    public static readonly string Repository = FindRepository();

    public static Task<(int ExitCode, string Output)> RunAsync(string command, IReadOnlyDictionary<string, string?> environment) =>
        RunAsync("bash", ["-c", command], Repository, environment);

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string directory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ConnectionStrings__OrderManagement");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static TcpListener Occupy()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    public static int FreePort()
    {
        using var listener = Occupy();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static int Port(this TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build", "run.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No build/run.sh above {AppContext.BaseDirectory}.");
    }
}
