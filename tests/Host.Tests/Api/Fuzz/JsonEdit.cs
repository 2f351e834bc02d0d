using System.Text;
using System.Text.Json.Nodes;

namespace OrderManagement.Host.Tests.Api.Fuzz;

// Edits a JSON body by field path ("lines[1].quantity") and splices in raw bytes that no serializer would write
// (lone surrogate escapes, invalid UTF-8, numbers with three decimals, 1e400).
public static class JsonEdit
{
    private const string Marker = "__RAW_VALUE__";

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path);
        if (last.Index is { } index)
        {
            parent[last.Name]!.AsArray()[index] = value;
        }
        else
        {
            parent[last.Name] = value;
        }
    }

    public static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Parent(root, path);
        parent.Remove(last.Name);
    }

    public static byte[] WithRaw(JsonObject root, string path, string raw) => WithRaw(root, path, Encoding.UTF8.GetBytes(raw));

    public static byte[] WithRaw(JsonObject root, string path, byte[] raw)
    {
        var copy = root.DeepClone().AsObject();
        Set(copy, path, Marker);
        var json = copy.ToJsonString();
        var at = json.IndexOf('"' + Marker + '"', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. raw, .. Encoding.UTF8.GetBytes(json[(at + Marker.Length + 2)..])];
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static (JsonObject Parent, (string Name, int? Index) Last) Parent(JsonObject root, string path)
    {
        var segments = path.Split('.').Select(Parse).ToArray();
        JsonNode node = root;
        foreach (var (name, index) in segments[..^1])
        {
            node = node[name]!;
            if (index is { } i)
            {
                node = node.AsArray()[i]!;
            }
        }

        return (node.AsObject(), segments[^1]);
    }

    private static (string Name, int? Index) Parse(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? (segment, null)
            : (segment[..bracket], int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
