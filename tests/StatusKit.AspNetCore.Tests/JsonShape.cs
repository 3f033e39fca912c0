using System.Text.Json;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Compares the shape of two JSON documents: the same keys in every object, the same kind of every non-null value.</summary>
public static class JsonShape
{
    public static List<string> Differences(JsonElement expected, JsonElement actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
            return;
        }

        if (expected.ValueKind == JsonValueKind.Object)
        {
            var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
            var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
            // "components" is present only on group entries, as in Statuspage.
            var optional = new HashSet<string> { "components" };
            var isComponent = expectedKeys.Contains("group");
            foreach (var missing in expectedKeys.Except(actualKeys).Where(k => !(isComponent && optional.Contains(k))))
            {
                differences.Add($"{path}: missing '{missing}'");
            }

            foreach (var extra in actualKeys.Except(expectedKeys).Where(k => !(isComponent && optional.Contains(k))))
            {
                differences.Add($"{path}: unexpected '{extra}'");
            }

            foreach (var property in expected.EnumerateObject())
            {
                if (actual.TryGetProperty(property.Name, out var value))
                {
                    Compare(property.Value, value, $"{path}.{property.Name}", differences);
                }
            }
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0)
        {
            var template = expected[0];
            var index = 0;
            foreach (var item in actual.EnumerateArray())
            {
                var match = template.ValueKind == JsonValueKind.Object && template.TryGetProperty("group", out var g) && item.TryGetProperty("group", out var ig) && g.ValueKind != ig.ValueKind
                    ? expected.EnumerateArray().FirstOrDefault(e => e.GetProperty("group").ValueKind == ig.ValueKind, template)
                    : template;
                Compare(match, item, $"{path}[{index++}]", differences);
            }
        }
    }

    private static JsonValueKind Kind(JsonElement element) =>
        element.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : element.ValueKind;
}
