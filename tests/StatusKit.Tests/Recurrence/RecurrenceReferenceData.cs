using System.Globalization;
using System.Text.Json;

namespace StatusKit.Tests.Recurrence;

/// <summary>One case of tests/StatusKit.Tests/TestData/rrule-reference.json, generated with python-dateutil.</summary>
public sealed record RecurrenceReferenceCase(
    string Name,
    string Rule,
    DateTime Start,
    string Zone,
    bool Complete,
    IReadOnlyList<DateTimeOffset> Occurrences)
{
    public override string ToString() => Name;
}

/// <summary>Loads the python-dateutil reference data (see tools/recurrence-reference/generate.py).</summary>
public static class RecurrenceReferenceData
{
    private static readonly Lazy<IReadOnlyList<RecurrenceReferenceCase>> Cases = new(Load);

    public static IReadOnlyList<RecurrenceReferenceCase> All => Cases.Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static RecurrenceReferenceCase Get(string name) => All.Single(c => c.Name == name);

    private static IReadOnlyList<RecurrenceReferenceCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "rrule-reference.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<RecurrenceReferenceCase>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            cases.Add(new RecurrenceReferenceCase(
                item.GetProperty("name").GetString()!,
                item.GetProperty("rule").GetString()!,
                DateTime.Parse(item.GetProperty("start").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.None),
                item.GetProperty("zone").GetString()!,
                item.GetProperty("complete").GetBoolean(),
                item.GetProperty("occurrences").EnumerateArray()
                    .Select(o => DateTimeOffset.Parse(o.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.None))
                    .ToList()));
        }

        return cases;
    }
}
