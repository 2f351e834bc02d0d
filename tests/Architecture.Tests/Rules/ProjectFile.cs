using System.Xml.Linq;

namespace OrderManagement.Architecture.Tests.Rules;

// The references a .csproj declares. Read from source because the compiler drops references the code never uses.
public sealed record ProjectFile(string Name, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    public IEnumerable<string> AllReferences => ProjectReferences.Concat(PackageReferences);

    public static ProjectFile Load(string path) => Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));

    public static ProjectFile Parse(string fileName, string xml)
    {
        var project = XDocument.Parse(xml).Root ?? throw new ArgumentException("Empty project file.", nameof(xml));
        var name = Elements(project, "AssemblyName").Select(e => e.Value.Trim()).LastOrDefault() ?? fileName;
        var projects = Includes(project, "ProjectReference").Select(ProjectName)
            .Concat(Includes(project, "Reference").Select(AssemblyName));
        return new ProjectFile(name, [.. projects], [.. Includes(project, "PackageReference")]);
    }

    private static IEnumerable<XElement> Elements(XElement project, string name) =>
        project.Descendants().Where(e => e.Name.LocalName == name);

    private static IEnumerable<string> Includes(XElement project, string item) =>
        Elements(project, item).Select(e => (string?)e.Attribute("Include")).OfType<string>().Select(i => i.Trim());

    private static string ProjectName(string include) => Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));

    // "Foo, Version=1.0" or "lib/Foo.dll" both name the assembly Foo.
    private static string AssemblyName(string include)
    {
        var name = include.Split(',')[0].Trim().Replace('\\', '/');
        return name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(name) : name;
    }
}
