using System.Net;
using System.Net.Sockets;

namespace OrderManagement.Benchmark;

// Stands in for an OpenTelemetry collector (--otlp-sink): accepts OTLP/HTTP exports from the host(s), counts them and
// answers 200, so "telemetry on" pays for building and exporting every span and metric as it would in production.
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private long _requests;
    private long _bytes;

    private OtlpSink(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Endpoint { get; }

    public string Summary => $"otlp_sink requests={Interlocked.Read(ref _requests)} bytes={Interlocked.Read(ref _bytes)}";

    // Points the options' hosts at a new sink: OTLP over HTTP/protobuf, the SDK's standard variables.
    public static OtlpSink StartFor(Options options)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var sink = new OtlpSink(port);
        options.HostEnv.Add(new("OTEL_EXPORTER_OTLP_ENDPOINT", sink.Endpoint));
        options.HostEnv.Add(new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        return sink;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await context.Request.InputStream.ReadAsync(buffer)) > 0)
                {
                    Interlocked.Add(ref _bytes, read);
                }

                Interlocked.Increment(ref _requests);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }
}
