using MediatR;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Application;

// Saves the aggregate and its outbox rows in one transaction. A command running inside an inbox
// transaction (a message handler) joins that transaction instead of opening its own.
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(IServiceProvider services, IEnumerable<ModuleDescriptor> modules)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var module = IsCommand ? modules.FirstOrDefault(m => m.Assembly == typeof(TRequest).Assembly) : null;
        if (module is null)
        {
            return await next();
        }

        var context = (ModuleDbContext)services.GetService(module.DbContextType)!;
        return await context.InTransactionAsync(async () =>
        {
            var response = await next();
            await context.SaveChangesAsync(cancellationToken);
            return response;
        }, cancellationToken);
    }
}
