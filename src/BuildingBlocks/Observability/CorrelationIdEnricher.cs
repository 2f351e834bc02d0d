using OrderManagement.BuildingBlocks.Messaging;
using Serilog.Core;
using Serilog.Events;

namespace OrderManagement.BuildingBlocks.Observability;

internal sealed class CorrelationIdEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (CorrelationContext.Current is { } correlationId)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("CorrelationId", correlationId));
        }
    }
}
