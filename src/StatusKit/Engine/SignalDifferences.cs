using StatusKit.Model;

namespace StatusKit.Engine;

/// <summary>
/// Which fields of two signals of one incident and version differ: none for a re-send of the same signal, some when the
/// platform reused a version for a change. Instants are compared as instants (whatever their offset) to the
/// microsecond, the precision every store keeps (PostgreSQL's <c>timestamptz</c> keeps no finer), so a re-send is not
/// taken for a change because the store rounded what it kept; strings are compared ordinally, but priorities without
/// regard to case, as the priority map reads them (a re-send as "critical" of a "Critical" signal changes nothing).
/// </summary>
internal static class SignalDifferences
{
    /// <summary>The JSON names of the fields in which <paramref name="signal"/> differs from <paramref name="stored"/>, in field order; empty when none.</summary>
    public static IReadOnlyList<string> Between(IncidentSignal stored, IncidentSignal signal)
    {
        List<string>? fields = null;
        Add(ref fields, !string.Equals(stored.TeamId, signal.TeamId, StringComparison.Ordinal), "teamId");
        Add(ref fields, !string.Equals(stored.ServiceIdentifier, signal.ServiceIdentifier, StringComparison.Ordinal), "serviceIdentifier");
        Add(ref fields, !string.Equals(stored.Priority, signal.Priority, StringComparison.OrdinalIgnoreCase), "priority");
        Add(ref fields, stored.State != signal.State, "state");
        Add(ref fields, Math.Abs(stored.OccurredAt.UtcTicks - signal.OccurredAt.UtcTicks) >= TimeSpan.TicksPerMicrosecond, "occurredAt");
        Add(ref fields, !string.Equals(stored.Title, signal.Title, StringComparison.Ordinal), "title");
        return fields ?? (IReadOnlyList<string>)[];
    }

    private static void Add(ref List<string>? fields, bool differs, string field)
    {
        if (differs)
        {
            (fields ??= []).Add(field);
        }
    }
}
