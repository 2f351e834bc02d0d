using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Application;

// Saves the aggregate and its outbox rows in one transaction. A command running inside a transaction opened by
// someone else (the inbox for a message handler, an idempotent request) joins it and leaves the saving to its owner.
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
        if (context.Database.CurrentTransaction is not null)
        {
            // Joined: whoever opened the transaction (the inbox, an idempotent request) saves once for all it ran.
            return await next();
        }

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
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another writer (usually a message handler moving the same saga) changed the aggregate between our
                // read and our write; our transaction is rolled back, so decide again from a fresh read.
                context.ChangeTracker.Clear();
                services.GetRequiredKeyedService<PendingWork>(module.DbContextType).Forget();
            }
        }
    }
}
