using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class DeadLetterStoreTests
{
    private static readonly Dictionary<string, string?> TwoAttempts = new() { ["Messaging:MaxAttempts"] = "2" };

    [Fact]
    public async Task Given_a_dead_lettered_message_When_dead_letters_are_listed_Then_it_shows_its_consumer_type_attempts_and_error()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(TwoAttempts, s => s.AddSingleton(script));
        var text = $"poison-{Guid.NewGuid()}";
        script.FailAlways(text);
        await host.PublishCommittedAsync(new NoteRequested(text));

        var letters = await Poller.UntilAsync(() => ListAsync(host), l => l.Count > 0, "a dead letter");

        var letter = letters.ShouldHaveSingleItem();
        letter.Module.ShouldBe(TestModuleHost.Name);
        letter.MessageType.ShouldBe("bbtest.note-requested");
        letter.Attempts.ShouldBe(2);
        letter.LastError.ShouldBe($"InvalidOperationException: Scripted failure for '{text}'.");
        letter.Payload.ShouldContain(text);
    }

    [Fact]
    public async Task Given_a_dead_lettered_message_whose_handler_now_succeeds_When_it_is_replayed_Then_it_is_delivered()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(TwoAttempts, s => s.AddSingleton(script));
        var text = $"replayed-{Guid.NewGuid()}";
        script.Fail(text, times: 2);
        await host.PublishCommittedAsync(new NoteRequested(text));
        var letter = (await Poller.UntilAsync(() => ListAsync(host), l => l.Count > 0, "a dead letter")).Single();

        var store = host.Services.GetRequiredService<DeadLetterStore>();

        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        var replayed = await store.ReplayAsync(connection, letter.Id, CancellationToken.None);
        replayed.ShouldNotBeNull().Letter.Id.ShouldBe(letter.Id);
        replayed.WakeDelivery();

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(text) == 1, "the replayed note");
    }

    // Issue 11 (newcomer review, defect I): the replay committed on a connection of its own, before the order's history
    // recorded it, so what the replayed message caused could be listed first. It now joins the caller's transaction.
    [Fact]
    public async Task Given_a_replay_in_a_transaction_that_rolls_back_When_it_ends_Then_the_letter_is_still_dead_and_nothing_is_delivered()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(TwoAttempts, s => s.AddSingleton(script));
        var text = $"rolled-back-{Guid.NewGuid()}";
        script.Fail(text, times: 2);
        await host.PublishCommittedAsync(new NoteRequested(text));
        var letter = (await Poller.UntilAsync(() => ListAsync(host), l => l.Count > 0, "a dead letter")).Single();
        var store = host.Services.GetRequiredService<DeadLetterStore>();

        await using (var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync()))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            (await store.ReplayAsync(connection, letter.Id, CancellationToken.None)).ShouldNotBeNull().WakeDelivery();
            (await store.GetAsync(letter.Id, CancellationToken.None)).ShouldNotBeNull("others see it dead until the replay commits");
            await transaction.RollbackAsync();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        (await store.GetAsync(letter.Id, CancellationToken.None)).ShouldNotBeNull();
        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_no_dead_letter_with_an_id_When_it_is_replayed_Then_nothing_is_replayed()
    {
        await using var host = await TestModuleHost.StartAsync();

        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        var replayed = await host.Services.GetRequiredService<DeadLetterStore>().ReplayAsync(connection, Guid.NewGuid(), CancellationToken.None);

        replayed.ShouldBeNull();
    }

    private static Task<IReadOnlyList<DeadLetter>> ListAsync(ModuleTestHost host) =>
        host.Services.GetRequiredService<DeadLetterStore>().ListAsync(10, null, null, CancellationToken.None);
}
