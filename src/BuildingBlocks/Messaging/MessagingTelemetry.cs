using System.Diagnostics;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.BuildingBlocks.Messaging;

// Spans of the outbox hops, named and tagged per the OpenTelemetry messaging conventions: a producer span when a
// message is written for a consuming module (its context is stored with the row), a consumer span parented on that
// stored context when the consuming module handles it, so one order's work is one trace across modules and restarts.
internal static class MessagingTelemetry
{
    public const string System = "outbox";

    private static readonly ActivitySource Source = new(TelemetryNames.Messaging);

    // Returns the trace parent to store with the row: the producer span's, or the caller's when nobody listens.
    public static string? Send(string consumer, string type, Guid messageId)
    {
        using var activity = Source.StartActivity($"send {consumer}", ActivityKind.Producer);
        if (activity is null)
        {
            return Activity.Current?.Id;
        }

        Tag(activity, "send", consumer, type, messageId, CorrelationContext.Current);
        return activity.Id;
    }

    // Without a listener the trace still continues (a plain activity), so logs and history carry the order's trace id.
    public static Activity? StartProcess(OutboxEnvelope envelope)
    {
        var name = $"process {envelope.Consumer}";
        ActivityContext.TryParse(envelope.TraceParent, null, out var parent);
        var activity = Source.StartActivity(name, ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return envelope.TraceParent is null ? null : new Activity(name).SetParentId(envelope.TraceParent).Start();
        }

        Tag(activity, "process", envelope.Consumer, envelope.Type, envelope.MessageId, envelope.CorrelationId);
        return activity;
    }

    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.AddException(exception);
        }
    }

    private static void Tag(Activity activity, string operation, string consumer, string type, Guid messageId, string? correlationId)
    {
        if (!activity.IsAllDataRequested)
        {
            return;
        }

        activity.SetTag("messaging.system", System);
        activity.SetTag("messaging.operation.type", operation);
        activity.SetTag("messaging.operation.name", operation);
        activity.SetTag("messaging.destination.name", consumer);
        activity.SetTag("messaging.message.id", messageId.ToString());
        activity.SetTag("messaging.message.conversation_id", correlationId);
        activity.SetTag("oms.message.type", type);
    }
}
