namespace OrderManagement.BuildingBlocks.Migrations;

internal sealed record MigrationScript(string Version, string Sql);
