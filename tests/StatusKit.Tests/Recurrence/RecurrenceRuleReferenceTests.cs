using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>
/// Compares every occurrence (instant and offset) with python-dateutil, for dateutil's own test-suite
/// rules, the RFC 5545 examples, DST-crossing rules in several zones and random rules.
/// </summary>
public sealed class RecurrenceRuleReferenceTests
{
    public static TheoryData<string> CaseNames() => RecurrenceReferenceData.Names();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GetOccurrences_matches_python_dateutil(string name)
    {
        var reference = RecurrenceReferenceData.Get(name);
        var rule = RecurrenceRule.Parse(reference.Rule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(reference.Zone);
        var take = reference.Complete ? reference.Occurrences.Count + 1 : reference.Occurrences.Count;

        var actual = rule.GetOccurrences(reference.Start, zone).Take(take).ToList();

        Assert.Equal(Render(reference.Occurrences), Render(actual));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GetNextOccurrence_matches_python_dateutil_after_each_occurrence(string name)
    {
        var reference = RecurrenceReferenceData.Get(name);
        var rule = RecurrenceRule.Parse(reference.Rule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(reference.Zone);
        var expected = new List<string>();
        var actual = new List<string>();
        var occurrences = reference.Occurrences;

        for (var i = 0; i < occurrences.Count; i++)
        {
            var justBefore = occurrences[i].AddSeconds(-1);
            expected.Add(Render(occurrences[i]));
            actual.Add(Render(rule.GetNextOccurrence(reference.Start, zone, justBefore)));
            var following = i + 1 < occurrences.Count ? Render(occurrences[i + 1]) : reference.Complete ? "none" : null;
            if (following is not null)
            {
                expected.Add(following);
                actual.Add(Render(rule.GetNextOccurrence(reference.Start, zone, occurrences[i])));
            }
        }

        Assert.Equal(expected, actual);
    }

    private static List<string> Render(IEnumerable<DateTimeOffset> values) => values.Select(v => Render(v)).ToList();

    private static string Render(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : "none";
}
