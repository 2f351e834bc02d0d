using Npgsql;
using OrderManagement.TestKit;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// Migration 0007 takes the saga rows of definition 1 (status, current step, held flags) to definition 2 (one state,
// completed steps): every status and step a running system can leave behind, run through the real script on a table
// of the old shape. build/upgrade-test.sh checks the same end to end, with the previous build writing the rows.
public sealed class SagaDefinitionMigrationTests
{
    [Fact]
    public async Task Given_version_1_saga_rows_When_migration_0007_runs_Then_each_has_its_state_and_the_steps_its_flags_said_were_done()
    {
        (string Status, string Step, bool Stock, bool Payment, bool Shipment, string State, string[] Completed)[] cases =
        [
            ("Running", "ReserveStock", false, false, false, "ReservingStock", []),
            ("Running", "AuthorizePayment", true, false, false, "AuthorizingPayment", ["ReserveStock"]),
            ("Running", "CreateShipment", true, true, false, "CreatingShipment", ["ReserveStock", "AuthorizePayment"]),
            ("Completed", "None", true, true, true, "Completed", ["ReserveStock", "AuthorizePayment", "CreateShipment"]),
            ("Compensating", "CancelShipment", true, true, true, "CancellingShipment", ["ReserveStock", "AuthorizePayment", "CreateShipment"]),
            ("Compensating", "VoidPayment", true, true, false, "VoidingPayment", ["ReserveStock", "AuthorizePayment"]),
            ("Compensating", "ReleaseStock", true, false, false, "ReleasingStock", ["ReserveStock"]),
            ("Compensated", "None", false, false, false, "Compensated", []),
            ("Failed", "AuthorizePayment", true, false, false, "Failed", ["ReserveStock"]),
            ("Failed", "VoidPayment", true, true, false, "Failed", ["ReserveStock", "AuthorizePayment"]),
        ];
        await using var db = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync("sagav1"));
        await ExecuteAsync(db, """
            DROP SCHEMA IF EXISTS saga_v1 CASCADE;
            CREATE SCHEMA saga_v1;
            CREATE TABLE saga_v1.fulfilment_sagas (
                order_id uuid PRIMARY KEY, status text NOT NULL, current_step text NOT NULL, attempts integer NOT NULL,
                last_error text NULL, started_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, next_attempt_at timestamptz NULL,
                cancel_requested boolean NOT NULL, stock_held boolean NOT NULL, payment_held boolean NOT NULL, shipment_held boolean NOT NULL,
                outcome text NULL, version integer NOT NULL, deadline_delivery_id uuid NULL, retry_under_way boolean NOT NULL DEFAULT false,
                step_started_at timestamptz NULL);
            """);
        var ids = new List<Guid>();
        foreach (var c in cases)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            await ExecuteAsync(db, """
                INSERT INTO saga_v1.fulfilment_sagas (order_id, status, current_step, attempts, started_at, updated_at, cancel_requested,
                    stock_held, payment_held, shipment_held, version)
                VALUES ($1, $2, $3, 1, now(), now(), false, $4, $5, $6, 7)
                """, id, c.Status, c.Step, c.Stock, c.Payment, c.Shipment);
        }

        await ExecuteAsync(db, "SET search_path TO saga_v1;\n" + Migration("0007_saga_definition.sql"));

        for (var i = 0; i < cases.Length; i++)
        {
            await using var read = db.CreateCommand(
                "SELECT state, completed_steps, definition_version, status, current_step FROM saga_v1.fulfilment_sagas WHERE order_id = $1");
            read.Parameters.Add(new NpgsqlParameter { Value = ids[i] });
            await using var row = await read.ExecuteReaderAsync();
            (await row.ReadAsync()).ShouldBeTrue();
            (row.GetString(0), string.Join(',', row.GetFieldValue<string[]>(1)), row.GetInt32(2), row.GetString(3), row.GetString(4))
                .ShouldBe((cases[i].State, string.Join(',', cases[i].Completed), 1, cases[i].Status, cases[i].Step), $"{cases[i].Status}/{cases[i].Step}");
        }

        await using var columns = db.CreateCommand(
            "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = 'saga_v1' AND column_name IN ('stock_held', 'payment_held', 'shipment_held', 'version')");
        (await columns.ExecuteScalarAsync()).ShouldBe(DBNull.Value, "the held flags and the hand-kept version are gone");
    }

    private static string Migration(string name)
    {
        var assembly = typeof(OrderingModule).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params object[] args)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        await command.ExecuteNonQueryAsync();
    }
}
