using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Page snapshots for the renderer's tests, which set with <c>with</c> only what each one is about.</summary>
internal static class RenderedSnapshots
{
    /// <summary>A public page "Acme" (<c>acme</c>) in <paramref name="timeZoneId"/>, without components, incidents or maintenance.</summary>
    public static PageSnapshot Empty(string timeZoneId = "UTC") => new()
    {
        PageId = Guid.NewGuid(),
        Slug = "acme",
        Name = "Acme",
        IsPublic = true,
        TimeZoneId = timeZoneId,
        Status = PageStatus.Of([]),
        Components = [],
        UnresolvedIncidents = [],
        ActiveMaintenance = [],
        UpcomingMaintenance = [],
        GeneratedAt = DateTimeOffset.UnixEpoch,
        Version = "v",
    };
}
