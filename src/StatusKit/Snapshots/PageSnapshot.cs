using System.Text.Json.Serialization;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Snapshots;

/// <summary>
/// Everything a status page shows, computed once and served from <see cref="Abstractions.IStatusCache"/> until it
/// changes. <see cref="Version"/> changes exactly when the content changes (it is the HTTP ETag).
/// </summary>
public sealed record PageSnapshot
{
    /// <summary>The page id.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The page slug.</summary>
    public required string Slug { get; init; }

    /// <summary>The page's <see cref="StatusPage.CustomDomain"/>: its own host name, or null.</summary>
    public string? CustomDomain { get; init; }

    /// <summary>The page name.</summary>
    public required string Name { get; init; }

    /// <summary>The page description.</summary>
    public string? Description { get; init; }

    /// <summary>The page's <see cref="StatusPage.HomepageUrl"/>: the organisation's website, or null.</summary>
    public string? HomepageUrl { get; init; }

    /// <summary>The page's <see cref="StatusPage.LogoUrl"/>, or null.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>The page's <see cref="StatusPage.AccentColor"/> (<c>#rrggbb</c>), or null for the default look.</summary>
    public string? AccentColor { get; init; }

    /// <summary>The page's <see cref="StatusPage.Language"/> (a supported tag such as <c>de</c>), or null for English.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the page is public.</summary>
    public required bool IsPublic { get; init; }

    /// <summary>The page's display time zone (IANA id).</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The overall status.</summary>
    public required PageStatus Status { get; init; }

    /// <summary>The components in display order.</summary>
    public required IReadOnlyList<ComponentSnapshot> Components { get; init; }

    /// <summary>
    /// The status of each component group (by <see cref="ComponentSnapshot.GroupName"/>, ordinal): the worst of its
    /// components' statuses. The page shows it beside the group's heading, the JSON API as the group's status, and a
    /// change of it is a <see cref="Engine.StatusChangeKind.Group"/> event.
    /// </summary>
    public IReadOnlyDictionary<string, ComponentStatus> GroupStatuses()
    {
        // Runs twice on every recompute's snapshot refresh: no enumerator, and no dictionary for a page without groups.
        Dictionary<string, ComponentStatus>? statuses = null;
        var components = Components;
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i].GroupName is { } group)
            {
                statuses ??= new Dictionary<string, ComponentStatus>(StringComparer.Ordinal);
                statuses[group] = statuses.GetValueOrDefault(group, ComponentStatus.Operational).Worst(components[i].Status);
            }
        }

        return statuses is null ? System.Collections.ObjectModel.ReadOnlyDictionary<string, ComponentStatus>.Empty : statuses;
    }

    /// <summary>Unresolved public status incidents, newest first, with their updates.</summary>
    public required IReadOnlyList<StatusIncident> UnresolvedIncidents { get; init; }

    /// <summary>Maintenance occurrences in progress now.</summary>
    public required IReadOnlyList<MaintenanceOccurrence> ActiveMaintenance { get; init; }

    /// <summary>Maintenance occurrences starting within the look-ahead (default 7 days), soonest first.</summary>
    public required IReadOnlyList<MaintenanceOccurrence> UpcomingMaintenance { get; init; }

    /// <summary>
    /// When anything the page shows last changed: the latest of the page's own <see cref="StatusPage.UpdatedAt"/> (its
    /// settings, and the deletions and reorders the services record there), its components' edits and status changes,
    /// any of its status incidents' changes (resolved ones included) and any of its maintenance windows' changes. Read
    /// from stored times only, so it never moves back across rebuilds, restarts or hosts. Statuspage's
    /// <c>page.updated_at</c>. The default value for a snapshot built by hand or cached by an older version.
    /// </summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the snapshot was built. Serialised after the content, before <see cref="Version"/>.</summary>
    [JsonPropertyOrder(int.MaxValue - 1)]
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>
    /// A hash of the content (not of <see cref="GeneratedAt"/>): the ETag. Serialised last, so the content's JSON is
    /// everything before <see cref="GeneratedAt"/>.
    /// </summary>
    [JsonPropertyOrder(int.MaxValue)]
    public required string Version { get; init; }

    /// <summary>
    /// The snapshot serialised as UTF-8 JSON (<see cref="Serialization.StatusKitJsonContext"/>), kept with it so that
    /// readers and caches answer without serialising again. Empty for a snapshot built by hand.
    /// </summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte> Utf8Json { get; init; }
}
