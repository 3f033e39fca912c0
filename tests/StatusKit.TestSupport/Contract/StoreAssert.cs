using StatusKit.Model;

namespace StatusKit.TestSupport.Contract;

/// <summary>
/// Field-by-field equality of stored aggregates. Records compare <see cref="DateTimeOffset"/> as instants (a store may
/// hand back UTC offsets), but compare lists by reference, so lists are compared element-wise here.
/// </summary>
public static class StoreAssert
{
    private static readonly IReadOnlyList<Guid> NoIds = Array.Empty<Guid>();
    private static readonly IReadOnlyList<StatusIncidentUpdate> NoUpdates = Array.Empty<StatusIncidentUpdate>();

    public static void Same(MaintenanceWindow expected, MaintenanceWindow? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected with { ComponentIds = NoIds }, actual with { ComponentIds = NoIds });
    }

    public static void Same(StatusIncident expected, StatusIncident? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected.Updates, actual.Updates);
        Assert.Equal(
            expected with { ComponentIds = NoIds, Updates = NoUpdates },
            actual with { ComponentIds = NoIds, Updates = NoUpdates });
    }

    public static void Same(Subscriber expected, Subscriber? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ComponentIds, actual.ComponentIds);
        Assert.Equal(expected with { ComponentIds = NoIds }, actual with { ComponentIds = NoIds });
    }

    public static void SameIds(IEnumerable<Guid> expected, IEnumerable<Guid> actual) =>
        Assert.Equal(expected.Order(), actual.Order());

    public static void SameInstant(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.UtcTicks, actual.Value.UtcTicks);
    }
}
