using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Tests.Persistence;

// What a failover throws at the host must read as "database unavailable" (503, retry), never as a fault (500).
public sealed class DatabaseFailuresTests
{
    private static PostgresException Postgres(string sqlState) => new("scripted", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("25006")] // read_only_sql_transaction: a demoted primary or a standby
    [InlineData("57P01")] // admin_shutdown: the node stops (switchover)
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up, in recovery
    [InlineData("08006")] // connection_failure
    [InlineData("53300")] // too_many_connections
    public void Given_a_failover_or_outage_error_When_classified_Then_the_database_is_unavailable(string sqlState)
    {
        DatabaseFailures.IsUnavailable(Postgres(sqlState)).ShouldBeTrue();
        DatabaseFailures.IsUnavailable(new DbUpdateException("wrapped by EF", Postgres(sqlState))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("25006")]
    [InlineData("57P01")]
    [InlineData("57P02")]
    [InlineData("57P03")]
    public void Given_a_node_that_is_read_only_or_stopping_When_classified_Then_its_pooled_connections_must_go(string sqlState) =>
        DatabaseFailures.MeansNodeChanged(new InvalidOperationException("wrapped", Postgres(sqlState))).ShouldBeTrue();

    [Fact]
    public void Given_Npgsqls_own_connection_errors_When_classified_Then_the_database_is_unavailable()
    {
        DatabaseFailures.IsUnavailable(new NpgsqlException("No suitable host was found.")).ShouldBeTrue();
        DatabaseFailures.IsUnavailable(new NpgsqlException("Unable to connect to a suitable host.",
            new AggregateException(new NpgsqlException("refused", new System.Net.Sockets.SocketException(111))))).ShouldBeTrue();
        DatabaseFailures.IsUnavailable(new TimeoutException()).ShouldBeTrue();
        DatabaseFailures.IsTransient(new NpgsqlException("No suitable host was found.")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("23505")] // unique_violation: a conflict, answered 409 elsewhere
    [InlineData("42P01")] // undefined_table: a bug
    [InlineData("22P02")] // invalid_text_representation: a bug
    public void Given_an_error_of_the_request_or_the_code_When_classified_Then_it_is_neither_unavailable_nor_transient(string sqlState)
    {
        DatabaseFailures.MeansNodeChanged(Postgres(sqlState)).ShouldBeFalse();
        DatabaseFailures.IsUnavailable(Postgres(sqlState)).ShouldBeFalse();
        DatabaseFailures.IsTransient(Postgres(sqlState)).ShouldBeFalse();
    }

    [Fact]
    public void Given_a_serialization_failure_When_classified_Then_it_is_transient_but_the_database_is_available()
    {
        DatabaseFailures.IsTransient(Postgres("40001")).ShouldBeTrue();
        DatabaseFailures.IsUnavailable(Postgres("40001")).ShouldBeFalse();
    }

    [Fact]
    public void Given_an_error_unrelated_to_the_database_When_classified_Then_it_is_not_unavailability() =>
        DatabaseFailures.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
}
