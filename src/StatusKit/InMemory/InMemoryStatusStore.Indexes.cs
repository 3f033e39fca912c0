using StatusKit.Model;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    // Secondary indexes, so that a team's recompute and a page's snapshot cost what the team or page holds, not what the
    // whole store holds. Every write of _components goes through IndexComponent/UnindexComponent, every write of
    // _signals through IndexSignal; windows, incidents, templates and subscribers never change page, so only their adds and
    // removals touch their page index. All guarded by _gate like the dictionaries they index.
    private readonly Dictionary<Guid, HashSet<Guid>> _componentIdsByPage = [];
    private readonly Dictionary<string, HashSet<Guid>> _componentIdsByTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _signalIdsByTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<Guid>> _windowIdsByPage = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _incidentIdsByPage = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _templateIdsByPage = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _subscriberIdsByPage = [];

    private void IndexComponent(Component component)
    {
        AddTo(_componentIdsByPage, component.PageId, component.Id);
        if (component.TeamId is { } team)
        {
            AddTo(_componentIdsByTeam, team, component.Id);
        }
    }

    private void UnindexComponent(Component component)
    {
        RemoveFrom(_componentIdsByPage, component.PageId, component.Id);
        if (component.TeamId is { } team)
        {
            RemoveFrom(_componentIdsByTeam, team, component.Id);
        }
    }

    private void ReindexComponent(Component before, Component after)
    {
        if (before.PageId != after.PageId || !string.Equals(before.TeamId, after.TeamId, StringComparison.Ordinal))
        {
            UnindexComponent(before);
            IndexComponent(after);
        }
    }

    private void IndexSignal(IncidentSignal? before, IncidentSignal after)
    {
        if (before is not null && !string.Equals(before.TeamId, after.TeamId, StringComparison.Ordinal))
        {
            RemoveFrom(_signalIdsByTeam, before.TeamId, before.IncidentId);
        }

        AddTo(_signalIdsByTeam, after.TeamId, after.IncidentId);
    }

    /// <summary>The stored components of a page, in no particular order (a new array).</summary>
    private Component[] ComponentsOfPage(Guid pageId) => Resolve(_componentIdsByPage.GetValueOrDefault(pageId));

    /// <summary>The stored components of a team (ordinal), in no particular order (a new array).</summary>
    private Component[] ComponentsOfTeam(string teamId) => Resolve(_componentIdsByTeam.GetValueOrDefault(teamId));

    private Component[] Resolve(HashSet<Guid>? ids)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        var components = new Component[ids.Count];
        var index = 0;
        foreach (var id in ids)
        {
            components[index++] = _components[id];
        }

        return components;
    }

    /// <summary>The rows of <paramref name="rows"/> on a page that match <paramref name="predicate"/>, in no particular order.</summary>
    private static T[] OnPage<T>(Dictionary<Guid, HashSet<Guid>> index, Dictionary<Guid, T> rows, Guid pageId, Func<T, bool> predicate)
    {
        List<T>? matching = null;
        Collect(index.GetValueOrDefault(pageId), rows, predicate, ref matching);
        return matching is null ? [] : [.. matching];
    }

    /// <summary>The rows of <paramref name="rows"/> on the given pages that match <paramref name="predicate"/>, in no particular order.</summary>
    private static T[] OnPages<T>(Dictionary<Guid, HashSet<Guid>> index, Dictionary<Guid, T> rows, HashSet<Guid> pageIds, Func<T, bool> predicate)
    {
        List<T>? matching = null;
        if (index.Count > 0)
        {
            foreach (var pageId in pageIds)
            {
                Collect(index.GetValueOrDefault(pageId), rows, predicate, ref matching);
            }
        }

        return matching is null ? [] : [.. matching];
    }

    /// <summary>Removes a row and its id from its page's index; false when there was no such row.</summary>
    private static bool RemoveOnPage<T>(Dictionary<Guid, T> rows, Dictionary<Guid, HashSet<Guid>> index, Guid id, Func<T, Guid> pageOf)
    {
        if (!rows.Remove(id, out var removed))
        {
            return false;
        }

        RemoveFrom(index, pageOf(removed), id);
        return true;
    }

    /// <summary>Sorts <paramref name="rows"/> in place by time, then id (both descending when <paramref name="newestFirst"/>), and returns it.</summary>
    private static T[] ByTime<T>(T[] rows, Func<T, DateTimeOffset> time, Func<T, Guid> id, bool newestFirst = false)
    {
        if (rows.Length > 1)
        {
            SortByTime(rows, time, id, newestFirst ? -1 : 1);
        }

        return rows;
    }

    // Apart from ByTime, so the comparison's closure is allocated only when there is something to sort.
    private static void SortByTime<T>(T[] rows, Func<T, DateTimeOffset> time, Func<T, Guid> id, int sign) =>
        Array.Sort(rows, (a, b) =>
        {
            var byTime = time(a).CompareTo(time(b));
            return sign * (byTime != 0 ? byTime : id(a).CompareTo(id(b)));
        });

    private static void Collect<T>(HashSet<Guid>? ids, Dictionary<Guid, T> rows, Func<T, bool> predicate, ref List<T>? matching)
    {
        if (ids is null)
        {
            return;
        }

        foreach (var id in ids)
        {
            var row = rows[id];
            if (predicate(row))
            {
                (matching ??= []).Add(row);
            }
        }
    }

    /// <summary>The open signals of the given teams, in no particular order.</summary>
    private List<IncidentSignal> OpenSignalsOf(HashSet<string> teamIds)
    {
        var open = new List<IncidentSignal>();
        foreach (var team in teamIds)
        {
            if (!_signalIdsByTeam.TryGetValue(team, out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                var signal = _signals[id];
                if (signal.IsOpen)
                {
                    open.Add(signal);
                }
            }
        }

        return open;
    }

    private static void AddTo<TKey, TValue>(Dictionary<TKey, HashSet<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set))
        {
            set = [];
            index.Add(key, set);
        }

        set.Add(value);
    }

    private static void RemoveFrom<TKey, TValue>(Dictionary<TKey, HashSet<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var set) && set.Remove(value) && set.Count == 0)
        {
            index.Remove(key);
        }
    }
}
