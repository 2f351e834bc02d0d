namespace OrderManagement.Architecture.Tests.Solution;

// The checkout the tests were built from: the project files are read from source, not from the build output.
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    public static string ModuleProjectFile(string moduleName, string projectName) =>
        System.IO.Path.Combine(Path, "src", "Modules", moduleName, projectName["OrderManagement.".Length..], projectName + ".csproj");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrderManagement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderManagement.sln above {AppContext.BaseDirectory}.");
    }
}
