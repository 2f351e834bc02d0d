using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Observability;

// The real host with its tracer provider exporting to memory instead of OTLP. Several hosts (a restart) may share
// one recorder, as a collector would receive the spans of both.
public sealed class TracingApiFactory(SpanRecorder spans) : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
    }
}
