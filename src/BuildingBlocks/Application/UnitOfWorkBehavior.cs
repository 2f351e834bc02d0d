using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Application;

// Saves the aggregate and its outbox rows in one transaction. A command running inside an inbox
// transaction (a message handler) joins that transaction instead of opening its own.
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(IServiceProvider services, IEnumerable<ModuleDescriptor> modules)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const int MaxAttempts = 5;

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
        var ownsTransaction = context.Database.CurrentTransaction is null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await context.InTransactionAsync(async () =>
                {
                    var response = await next();
                    await context.SaveChangesAsync(cancellationToken);
                    return response;
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (ownsTransaction && attempt < MaxAttempts)
            {
                // Another writer (usually a message handler moving the same saga) changed the aggregate between our
                // read and our write; our transaction is rolled back, so decide again from a fresh read. Inside a
                // message handler the inbox redelivers instead.
                context.ForgetPendingWork();
            }
        }
    }
}
