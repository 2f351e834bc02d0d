using System.Diagnostics;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.History;

// A module's history table as its handlers and aggregates write it: each entry is added to the module's DbContext, so it
// is saved in the transaction that saves the change it records. Registered by AddModule, scoped like the context.
public sealed class HistoryLog<TContext> : IHistoryLog
    where TContext : ModuleDbContext
{
    private readonly TContext _db;
    private readonly TimeProvider _time;

    internal HistoryLog(TContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    // The entry carries the trace it happened in and is added to the current span as an event, so an order's timeline
    // and its trace point at each other.
    public void Record(Guid orderId, string subject, Guid subjectId, string @event, string? fromState, string? toState, string? detail = null)
    {
        var activity = Activity.Current;
        HistoryEvents.AddTo(activity, subject, @event, fromState, toState);
        _db.History.Add(new HistoryRecord
        {
            OrderId = orderId,
            OccurredAt = _time.GetUtcNow(),
            Subject = subject,
            SubjectId = subjectId,
            Event = @event,
            FromState = fromState,
            ToState = toState,
            Detail = detail,
            TraceId = activity?.TraceId.ToHexString(),
        });
    }
}
