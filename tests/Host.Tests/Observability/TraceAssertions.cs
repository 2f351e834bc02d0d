using System.Diagnostics;

namespace OrderManagement.Host.Tests.Observability;

// What one order's trace must look like: every module's consumer span hangs under the producer span that wrote its
// message, every producer span under the request or consumer span that sent it.
public static class TraceAssertions
{
    public static readonly string[] Modules = ["Ordering", "Inventory", "Payments", "Shipping"];

    public static string? Tag(this Activity span, string name) => span.GetTagItem(name)?.ToString();

    public static IEnumerable<Activity> Processes(this IEnumerable<Activity> spans) =>
        spans.Where(s => s.Source.Name == "OrderManagement.Messaging" && s.Kind == ActivityKind.Consumer);

    public static IEnumerable<Activity> Sends(this IEnumerable<Activity> spans) =>
        spans.Where(s => s.Source.Name == "OrderManagement.Messaging" && s.Kind == ActivityKind.Producer);

    public static void ShouldBeOneConnectedTrace(this IReadOnlyList<Activity> trace, Activity request)
    {
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        foreach (var process in trace.Processes())
        {
            bySpanId.TryGetValue(process.ParentSpanId, out var parent).ShouldBeTrue($"{process.DisplayName} has no parent in the trace");
            parent!.Kind.ShouldBe(ActivityKind.Producer, $"{process.DisplayName} should hang under the span that wrote its message");
            parent.Tag("messaging.message.id").ShouldBe(process.Tag("messaging.message.id"));
            parent.Tag("messaging.destination.name").ShouldBe(process.Tag("messaging.destination.name"));
            process.Tag("messaging.system").ShouldBe("outbox");
            process.Tag("messaging.operation.type").ShouldBe("process");
            process.DisplayName.ShouldBe($"process {process.Tag("messaging.destination.name")}");
        }

        foreach (var send in trace.Sends())
        {
            bySpanId.TryGetValue(send.ParentSpanId, out var parent).ShouldBeTrue($"{send.DisplayName} has no parent in the trace");
            if (parent!.Source.Name == "OrderManagement.Payments")
            {
                // The authorization worker's call continues the trace of the AuthorizePayment handling it answers.
                parent.DisplayName.ShouldBe("authorize payment");
                bySpanId.TryGetValue(parent.ParentSpanId, out parent).ShouldBeTrue($"{send.DisplayName}: the authorization call has no parent in the trace");
                parent!.Tag("messaging.destination.name").ShouldBe("Payments", "the authorization call should hang under the AuthorizePayment handling");
            }

            (parent == request || parent.Kind == ActivityKind.Consumer).ShouldBeTrue(
                $"{send.DisplayName} should hang under the request or the handling of a message, not {parent!.DisplayName}");
            send.Tag("messaging.operation.type").ShouldBe("send");
        }

        foreach (var module in Modules)
        {
            trace.Processes().ShouldContain(s => s.Tag("messaging.destination.name") == module, $"no span of {module} handling a message");
        }

        var database = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        database.ShouldNotBeEmpty("the database calls should be in the trace");
        database.ShouldAllBe(s => bySpanId.ContainsKey(s.ParentSpanId));
    }
}
