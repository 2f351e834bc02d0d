using Shouldly;

namespace OrderManagement.TestKit;

// A file under docs/ that is generated from the code. Its test compares the committed file with what the code gives
// now and fails when they differ; with OM_UPDATE_DOCS=1 (what build/docs.sh sets) it writes the file instead.
public static class GeneratedDocument
{
    public const string UpdateVariable = "OM_UPDATE_DOCS";
    public const string RegenerateCommand = "build/docs.sh";

    // relativePath: from the repository root, with '/' separators (docs/state-machines/order.md).
    public static void AssertCurrent(string relativePath, string content)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return;
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";
        committed.ShouldBe(content,
            $"{relativePath} no longer matches the code. Regenerate it with `{RegenerateCommand}` and commit the result.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderManagement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderManagement.sln above {AppContext.BaseDirectory}.");
    }
}
