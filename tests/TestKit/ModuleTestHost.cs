using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.TestKit;

// Boots one module alone on the real database, with the other modules replaced by recorders of their contracts.
public sealed class ModuleTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ModuleTestHost(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public IServiceProvider Services => _host.Services;
    public MessageRecorder Recorder => Services.GetRequiredService<MessageRecorder>();

    // reset: false keeps what an earlier host of the same schemas left (a second host joining a running one).
    public static async Task<ModuleTestHost> StartAsync(
        Action<IServiceCollection, IConfiguration> configure, IDictionary<string, string?>? settings = null, bool reset = true)
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderManagement"] = connectionString,
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:BaseRetryDelay"] = "00:00:00.050",
            ["Messaging:MaxRetryDelay"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBuildingBlocks(builder.Configuration);
        builder.Services.AddSingleton<MessageRecorder>();
        configure(builder.Services, builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        var started = new ModuleTestHost(host, connectionString);
        if (reset)
        {
            await started.ResetDatabaseAsync();
        }

        return started;
    }

    public Task ResetDatabaseAsync() => DatabaseReset.ResetAsync(Services, ConnectionString);

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    // What an endpoint does with a body: validates it with its registered validator (RequestValidationException when it
    // breaks a rule), maps it to the command and sends that.
    public async Task<TResponse> SendRequestAsync<TBody, TResponse>(TBody body, Func<TBody, IRequest<TResponse>> toCommand)
    {
        await Services.GetRequiredService<IValidator<TBody>>().ValidateRequestAsync(body, CancellationToken.None);
        return await SendAsync(toCommand(body));
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    // Delivers a message to a module as another module's dispatcher would, through its inbox.
    // As a lane delivers: a delivery that waited on another transaction's lock (LockContention) is tried again, not
    // failed, so copies racing for one row behave as they do in the host however busy the machine is.
    public async Task DeliverAsync<T>(T message, string consumer, Guid? messageId = null) where T : notnull
    {
        var types = Services.GetRequiredService<MessageTypeMap>();
        var envelope = new OutboxEnvelope(Guid.NewGuid(), messageId ?? Guid.NewGuid(), consumer, types.NameOf(typeof(T)),
            JsonSerializer.Serialize(message, MessageSerializer.Options), 0, CorrelationContext.NewId(), null);
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                await Services.GetRequiredService<MessageConsumer>().HandleAsync(envelope, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (LockContention.Caused(ex) && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(50);
            }
        }
    }

    // Several messages for one consumer, handled as one group (one transaction), as a lane hands them over.
    // Returns, per message, the exception that failed it (or null).
    public Task<Exception?[]> DeliverGroupAsync<T>(IReadOnlyList<T> messages, string consumer) where T : notnull
    {
        var types = Services.GetRequiredService<MessageTypeMap>();
        var envelopes = messages.Select(m => new OutboxEnvelope(Guid.NewGuid(), Guid.NewGuid(), consumer, types.NameOf(typeof(T)),
            JsonSerializer.Serialize(m, MessageSerializer.Options), 0, CorrelationContext.NewId(), null)).ToArray();
        return Services.GetRequiredService<MessageConsumer>().HandleGroupAsync(consumer, envelopes, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
