namespace StatusKit.Shared;

/// <summary>
/// Finds a time zone by its id in any case ("europe/berlin" is Europe/Berlin), the same whatever the process read before.
/// <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> alone is not: on a case-sensitive file system it finds an id in another
/// case only once the zone is in its cache, so an id that one process accepted, another (after a restart) would not know.
/// Compiled into each StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class IanaTimeZones
{
    /// <summary>The zone <paramref name="id"/> names, in any case, or null when this system does not know it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        foreach (var known in TimeZoneInfo.GetSystemTimeZones())
        {
            if (string.Equals(known.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
