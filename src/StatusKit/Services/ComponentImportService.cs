using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// Imports a page's components from Atlassian Statuspage, the first step of moving a page over (its incident history,
/// <see cref="IncidentImportService"/>, names components that must then exist). Each component is created as
/// <see cref="ComponentService.CreateAsync"/> would, telling nobody; a Statuspage group is not a component, but the name its
/// members are shown under (<see cref="Component.GroupName"/>).
/// </summary>
/// <remarks>
/// <para>
/// Display order follows Statuspage's: its top-level entries (groups and components in no group) by
/// <see cref="ImportedComponent.Position"/>, each group's members by their position within it, all after the page's own
/// components. A component's <see cref="Component.Description"/> and <see cref="Component.OnlyShowIfDegraded"/> carry
/// over; its Statuspage status does not (StatusKit computes every status from incidents, maintenance and the operator's
/// manual status), nor does a team: set <see cref="Component.TeamId"/> afterwards
/// (<see cref="ComponentService.UpdateAsync"/>) for the platform's incidents to move the component.
/// </para>
/// <para>
/// Idempotent: a component whose name the page already has (trimmed, in any case, as the incident import matches names)
/// is left as it is and reported <see cref="ComponentImportSkipReason.AlreadyExists"/>, so importing the same document
/// again creates nothing; a name repeated in the document is imported once, the first time
/// (<see cref="ComponentImportSkipReason.DuplicateName"/>); a component that breaks a rule of a component is skipped
/// (<see cref="ComponentImportSkipReason.Invalid"/>) and the others are still created. Nothing is written to the
/// notification outbox, no status history; the page's snapshot is refreshed once, so the page shows the components at once.
/// </para>
/// </remarks>
public sealed class ComponentImportService
{
    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditTrail _audit;

    internal ComponentImportService(IStatusStore store, StatusEngine engine, TimeProvider time, ILogger<ComponentImportService> logger, AuditTrail audit)
    {
        _audit = audit;
        _store = store;
        _engine = engine;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Creates each component of <paramref name="components"/> (a Statuspage page's components and groups, in any order)
    /// on the page <paramref name="pageId"/> and reports what it did with each one. Throws
    /// <see cref="StatusKitNotFoundException"/> for an unknown page.
    /// </summary>
    public async Task<ComponentImportReport> ImportAsync(Guid pageId, IReadOnlyList<ImportedComponent> components, CancellationToken cancellationToken = default)
    {
        Guard.Entries(components);

        var page = await _store.RequirePageAsync(pageId, cancellationToken);
        var existing = await _store.ListComponentsAsync(page.Id, cancellationToken);
        var onPage = existing
            .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        var inDocument = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = existing.Count == 0 ? 0 : Math.Min(existing.Max(c => c.DisplayOrder), ComponentService.MaxDisplayOrder - 1) + 1;
        var now = _time.GetUtcNow();
        var imported = new List<ImportedComponentRecord>();
        var skipped = new List<SkippedComponent>();
        foreach (var (source, groupName) in InDisplayOrder(components))
        {
            var name = source.Name?.Trim() ?? string.Empty;
            if (name.Length > 0 && onPage.TryGetValue(name, out var taken))
            {
                skipped.Add(AlreadyExists(source.Name!, taken));
                continue;
            }

            // The first of a name wins, whatever becomes of it.
            if (name.Length > 0 && !inDocument.Add(name))
            {
                skipped.Add(new SkippedComponent(
                    source.Name!, ComponentImportSkipReason.DuplicateName, $"An earlier component of the document is named '{name}' (names are compared ignoring case), and only the first is imported: rename one on Statuspage, or create this one with the admin API."));
                continue;
            }

            Component component;
            try
            {
                component = ComponentService.New(
                    new CreateComponent
                    {
                        PageId = page.Id,
                        Name = source.Name!,
                        Description = source.Description,
                        GroupName = groupName,
                        OnlyShowIfDegraded = source.OnlyShowIfDegraded,
                    },
                    Math.Min(order, ComponentService.MaxDisplayOrder),
                    now);
            }
            catch (StatusKitValidationException ex)
            {
                skipped.Add(new SkippedComponent(source.Name ?? string.Empty, ComponentImportSkipReason.Invalid, $"{ex.Field}: {ex.Message}"));
                continue;
            }

            try
            {
                await _store.AddComponentAsync(component, cancellationToken);
            }
            catch (StatusKitConflictException)
            {
                // Created meanwhile (another import, or an operator): left as it is.
                skipped.Add(AlreadyExists(source.Name!, component.Name));
                continue;
            }

            order++;
            imported.Add(new ImportedComponentRecord(component.Id, component.Name, component.GroupName));
        }

        if (imported.Count > 0)
        {
            await _engine.RefreshPageAsync(page.Id, cancellationToken);
        }

        if (imported.Count > 0)
        {
            await _audit.RecordAsync(page.Id, AuditActions.ComponentsImported, "page", page.Id);
        }

        Log.ComponentsImported(_logger, page.Id, imported.Count, skipped.Count);
        return new ComponentImportReport { Imported = imported, Skipped = skipped };
    }

    /// <summary>
    /// The components of <paramref name="entries"/> (groups left out) in Statuspage's display order, each with the name of
    /// its group: the top-level entries by position, a group's members after it by their position within it; entries of
    /// the same position (or none, last) keep the order given. A component belongs to the group its <c>group_id</c> names,
    /// else to the first group that lists it; one whose group the document lacks is a top-level entry.
    /// </summary>
    private static List<(ImportedComponent Component, string? GroupName)> InDisplayOrder(IReadOnlyList<ImportedComponent> entries)
    {
        var groups = new Dictionary<string, ImportedComponent>(StringComparer.Ordinal);
        foreach (var group in entries.Where(e => e.IsGroup && !string.IsNullOrWhiteSpace(e.StatuspageId)))
        {
            groups.TryAdd(group.StatuspageId.Trim(), group);
        }

        var listedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, group) in groups)
        {
            foreach (var member in group.MemberIds ?? [])
            {
                if (!string.IsNullOrWhiteSpace(member))
                {
                    listedBy.TryAdd(member.Trim(), id);
                }
            }
        }

        var members = new Dictionary<string, List<(int Index, ImportedComponent Component)>>(StringComparer.Ordinal);
        var topLevel = new List<(int Index, ImportedComponent Entry)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.IsGroup)
            {
                if (groups.TryGetValue(entry.StatuspageId?.Trim() ?? string.Empty, out var first) && ReferenceEquals(first, entry))
                {
                    topLevel.Add((i, entry));
                }

                continue;
            }

            var groupId = entry.GroupId?.Trim() is { Length: > 0 } named && groups.ContainsKey(named)
                ? named
                : listedBy.GetValueOrDefault(entry.StatuspageId?.Trim() ?? string.Empty);
            if (groupId is null)
            {
                topLevel.Add((i, entry));
            }
            else
            {
                (members.TryGetValue(groupId, out var list) ? list : members[groupId] = []).Add((i, entry));
            }
        }

        var result = new List<(ImportedComponent, string?)>(entries.Count);
        foreach (var (_, entry) in ByPosition(topLevel))
        {
            if (!entry.IsGroup)
            {
                result.Add((entry, null));
                continue;
            }

            foreach (var (_, member) in ByPosition(members.GetValueOrDefault(entry.StatuspageId.Trim()) ?? []))
            {
                result.Add((member, entry.Name));
            }
        }

        return result;
    }

    private static IEnumerable<(int Index, ImportedComponent Entry)> ByPosition(List<(int Index, ImportedComponent Entry)> entries) =>
        entries.OrderBy(e => e.Entry.Position ?? int.MaxValue).ThenBy(e => e.Index);

    private static SkippedComponent AlreadyExists(string name, string existing) =>
        new(name, ComponentImportSkipReason.AlreadyExists, $"The page already has the component '{existing}', which was left as it is.");
}
