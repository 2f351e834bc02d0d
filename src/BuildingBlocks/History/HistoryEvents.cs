using System.Diagnostics;

namespace OrderManagement.BuildingBlocks.History;

// A state change (a saga step, an order or payment transition) as an event on the span it happened in.
internal static class HistoryEvents
{
    public static void AddTo(Activity? activity, string subject, string @event, string? fromState, string? toState)
    {
        if (activity is not { IsAllDataRequested: true, Recorded: true })
        {
            return;
        }

        activity.AddEvent(new ActivityEvent(@event, tags: new ActivityTagsCollection
        {
            ["oms.subject"] = subject,
            ["oms.state.from"] = fromState,
            ["oms.state.to"] = toState,
        }));
    }
}
