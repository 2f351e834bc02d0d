using MediatR;

namespace OrderManagement.BuildingBlocks.Application;

// Commands change state: the unit-of-work behaviour wraps them in the owning module's transaction.
public interface ICommand<out TResult> : IRequest<TResult>;

public interface IQuery<out TResult> : IRequest<TResult>;
