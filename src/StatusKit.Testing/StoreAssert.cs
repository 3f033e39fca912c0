using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Testing;

/// <summary>
/// Field-by-field equality of stored aggregates. Records compare <see cref="DateTimeOffset"/> as instants (a store may
/// hand back UTC offsets), but compare lists by reference, so lists are compared element-wise here.
/// </summary>
public static class StoreAssert
{
    private static readonly IReadOnlyList<Guid> NoIds = Array.Empty<Guid>();
    private static readonly IReadOnlyList<DateTime> NoTimes = Array.Empty<DateTime>();
    private static readonly IReadOnlyList<StatusIncidentUpdate> NoUpdates = Array.Empty<StatusIncidentUpdate>();
    private static readonly IReadOnlyList<NotificationComponent> NoComponents = Array.Empty<NotificationComponent>();

    /// <summary>Asserts that a stored incident template equals <paramref name="expected"/> in every field.</summary>
    /// <param name="expected">The template as written.</param>
    /// <param name="actual">The template as read back.</param>
    public static void Same(IncidentTemplate expected, IncidentTemplate? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected with { ComponentIds = NoIds }, actual with { ComponentIds = NoIds });
    }

    /// <summary>Asserts that a stored window equals <paramref name="expected"/> in every field.</summary>
    /// <param name="expected">The window as written.</param>
    /// <param name="actual">The window as read back.</param>
    public static void Same(MaintenanceWindow expected, MaintenanceWindow? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected.ExcludedOccurrences, actual.ExcludedOccurrences);
        Assert.All(actual.ExcludedOccurrences, start => Assert.Equal(DateTimeKind.Unspecified, start.Kind));
        Assert.Equal(
            expected with { ComponentIds = NoIds, ExcludedOccurrences = NoTimes },
            actual with { ComponentIds = NoIds, ExcludedOccurrences = NoTimes });
    }

    /// <summary>Asserts that a stored status incident equals <paramref name="expected"/> in every field, updates included.</summary>
    /// <param name="expected">The incident as written.</param>
    /// <param name="actual">The incident as read back.</param>
    public static void Same(StatusIncident expected, StatusIncident? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected.Updates, actual.Updates);
        Assert.Equal(
            expected with { ComponentIds = NoIds, Updates = NoUpdates },
            actual with { ComponentIds = NoIds, Updates = NoUpdates });
    }

    /// <summary>Asserts that a stored subscriber equals <paramref name="expected"/> in every field.</summary>
    /// <param name="expected">The subscriber as written.</param>
    /// <param name="actual">The subscriber as read back.</param>
    public static void Same(Subscriber expected, Subscriber? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected with { ComponentIds = NoIds }, actual with { ComponentIds = NoIds });
    }

    /// <summary>Asserts that a stored notification equals <paramref name="expected"/> in every field, its content's components included.</summary>
    /// <param name="expected">The notification as written.</param>
    /// <param name="actual">The notification as read back.</param>
    public static void Same(Notification expected, Notification? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Content.AffectedComponents, actual.Content.AffectedComponents);
        Assert.Equal(
            expected with { Content = expected.Content with { AffectedComponents = NoComponents } },
            actual with { Content = actual.Content with { AffectedComponents = NoComponents } });
    }

    /// <summary>Asserts that two sets of ids are equal, in any order.</summary>
    /// <param name="expected">The expected ids.</param>
    /// <param name="actual">The actual ids.</param>
    public static void SameIds(IEnumerable<Guid> expected, IEnumerable<Guid> actual) =>
        Assert.Equal(expected.Order(), actual.Order());

    /// <summary>
    /// Of signals applied to one incident (in any interleaving), the applied ones form a chain: sorted by version, each
    /// replaced exactly the one applied before it, and the first replaced nothing (or what was stored before them).
    /// </summary>
    /// <param name="applications">Each signal with the outcome its apply returned.</param>
    /// <param name="storedBefore">The version stored before the signals, if any.</param>
    public static void EachAppliedSignalReplacedThePreviousOne(
        IEnumerable<(IncidentSignal Signal, SignalApplyOutcome Outcome)> applications, long? storedBefore = null)
    {
        var applied = applications
            .Where(a => a.Outcome.Result == SignalApplyResult.Applied)
            .OrderBy(a => a.Signal.Version)
            .ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(applied.Count, applied.Select(a => a.Signal.Version).Distinct().Count());
        var previous = storedBefore;
        foreach (var (signal, outcome) in applied)
        {
            Assert.Equal(previous, outcome.Replaced?.Version);
            previous = signal.Version;
        }

        Assert.All(
            applications.Where(a => a.Outcome.Result != SignalApplyResult.Applied),
            a => Assert.Null(a.Outcome.Replaced));
    }

    /// <summary>Asserts that <paramref name="actual"/> is the instant <paramref name="expected"/>, whatever its offset.</summary>
    /// <param name="expected">The expected instant.</param>
    /// <param name="actual">The actual value.</param>
    public static void SameInstant(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.UtcTicks, actual.Value.UtcTicks);
    }
}
