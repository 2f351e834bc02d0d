namespace OrderManagement.Host.Tests.Scripts;

// With OTLP export on, the exporter's HTTP calls write no lines of their own (they were four INFO lines per export,
// every few seconds, with a trace id that is never exported); a failed export still shows at Warning or above.
public sealed class OtlpExportLoggingTests
{
    [Fact]
    public async Task Given_OTLP_export_on_When_the_host_exports_Then_the_exporter_HttpClient_logs_no_information_lines()
    {
        using var collector = RunScript.Occupy(); // accepts connections and never answers: an export is attempted
        await using var host = await BuiltHost.StartAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{collector.Port()}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });

        await Task.Delay(TimeSpan.FromSeconds(4));

        host.Output.ShouldNotContain("Sending HTTP request", Case.Sensitive, host.Output);
        host.Output.ShouldNotContain("Start processing HTTP request", Case.Sensitive, host.Output);
    }
}
