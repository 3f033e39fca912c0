using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// How an import finds the page's components named by a Statuspage document (<see cref="IncidentImportService"/>,
/// <see cref="MaintenanceImportService"/>): by name, trimmed and in any case; a name the page has no component of is
/// reported, never created.
/// </summary>
internal sealed class ComponentNameMatch
{
    private readonly Dictionary<string, Guid> _byName;

    /// <summary>The names of <paramref name="components"/> (a page's), the first of each name winning.</summary>
    public ComponentNameMatch(IReadOnlyList<Component> components) =>
        _byName = components
            .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The ids of the components <paramref name="names"/> name, each once in the order first named, and the names the
    /// page has no component of (trimmed, each once); empty names are ignored.
    /// </summary>
    public (List<Guid> Ids, List<string> Unknown) Match(IEnumerable<string?>? names)
    {
        var ids = new List<Guid>();
        var unknown = new List<string>();
        foreach (var raw in names ?? [])
        {
            var name = raw?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (_byName.TryGetValue(name, out var id))
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            else
            {
                AddOnce(unknown, name);
            }
        }

        return (ids, unknown);
    }

    /// <summary>Adds each of <paramref name="names"/> to <paramref name="into"/> unless it is there already (in any case).</summary>
    public static void AddOnce(List<string> into, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            AddOnce(into, name);
        }
    }

    private static void AddOnce(List<string> into, string name)
    {
        if (!into.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            into.Add(name);
        }
    }
}
