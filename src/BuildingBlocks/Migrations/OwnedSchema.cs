using System.Reflection;

namespace OrderManagement.BuildingBlocks.Migrations;

// A schema the shared machinery owns outside any module (the Data Protection key ring, for one): migrated like a
// module's schema, from the .sql files embedded under ScriptFolder, but without the messaging tables.
public sealed record OwnedSchema(string Schema, Assembly Assembly, string ScriptFolder);
