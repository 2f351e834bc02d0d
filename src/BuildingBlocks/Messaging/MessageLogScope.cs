using System.Diagnostics;

namespace OrderManagement.BuildingBlocks.Messaging;

// What the dispatcher logs about a message outside its handling (a failed attempt, a lock wait, a dead letter) carries
// that message's correlation id and trace id, read from its outbox row, so the line leads to the order's trace like the
// handler's own lines do (issue 12: the trace id is on every log line). Log events take their trace id from
// Activity.Current, so the scope is an activity in the message's trace; it is not exported (no ActivitySource).
internal readonly struct MessageLogScope : IDisposable
{
    private readonly string? _previousCorrelation;
    private readonly Activity? _activity;

    private MessageLogScope(OutboxEnvelope envelope)
    {
        _previousCorrelation = CorrelationContext.Current;
        CorrelationContext.Current = envelope.CorrelationId ?? _previousCorrelation;
        _activity = envelope.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var parent)
            ? new Activity("OrderManagement.Messaging.Outcome").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start()
            : null;
    }

    public static MessageLogScope For(OutboxEnvelope envelope) => new(envelope);

    public void Dispose()
    {
        _activity?.Stop();
        CorrelationContext.Current = _previousCorrelation;
    }
}
