using System.Reflection;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Migrations;

// A module's scripts are the shared messaging tables plus the .sql files embedded under Persistence/Migrations,
// applied in file-name order. Scripts run with the module's schema as search_path, so they name no schema.
internal static class MigrationScripts
{
    private const string Folder = ".Persistence.Migrations.";

    public static IReadOnlyList<MigrationScript> For(ModuleDescriptor module)
    {
        var shared = ReadAll(typeof(MigrationScripts).Assembly, ".Migrations.Shared.");
        var own = ReadAll(module.Assembly, Folder);
        return [.. shared, .. own];
    }

    public static IReadOnlyList<MigrationScript> For(OwnedSchema schema) => [.. ReadAll(schema.Assembly, schema.ScriptFolder)];

    private static IEnumerable<MigrationScript> ReadAll(Assembly assembly, string folder) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new MigrationScript(VersionOf(name, folder), Read(assembly, name)))
            .OrderBy(script => script.Version, StringComparer.Ordinal);

    private static string VersionOf(string resourceName, string folder)
    {
        var fileName = resourceName[(resourceName.LastIndexOf(folder, StringComparison.Ordinal) + folder.Length)..];
        return fileName[..^".sql".Length];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
