namespace OrderManagement.BuildingBlocks.Application;

// A command an operator sends, from the API or the console. Once it has committed, the operator audit behaviour
// writes it to the operators' audit (operations.audit) with Actor and Reason, so no entry point can forget to.
public interface IOperatorCommand<in TResult>
{
    string Actor { get; }

    string? Reason { get; }

    // Null when this command was not an operator's action (a storefront's cancel) or changed nothing: not audited.
    OperatorActionRecord? Describe(TResult result);
}

// Action is a short verb ("RetryStep"); Detail says what happened, in words an operator reads in the audit page.
public sealed record OperatorActionRecord(string Action, Guid? OrderId, string Detail);
