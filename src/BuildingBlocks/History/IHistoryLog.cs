namespace OrderManagement.BuildingBlocks.History;

// Where an aggregate's state machine writes each transition it makes: the module's history table, in the
// transaction that saves the aggregate (ModuleDbContext). States and events are the names shown in an order's history.
public interface IHistoryLog
{
    void Record(Guid orderId, string subject, Guid subjectId, string @event, string? fromState, string? toState, string? detail = null);
}
