using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Services;
using static StatusKit.AspNetCore.Admin.CachetDocument;
using static StatusKit.AspNetCore.Admin.StatuspageDocument;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of <c>POST admin/pages/{pageId}/import/cachet/components</c>: Cachet's <c>GET /api/v1/components</c> as
/// downloaded (<c>{ "meta": {...}, "data": [...] }</c>), or that and <c>GET /api/v1/components/groups</c> together
/// (<c>{ "components": {...}, "groups": {...} }</c>), into the entries of <see cref="ComponentImportService.ImportAsync"/>.
/// Of a component it reads <c>id</c>, <c>name</c>, <c>description</c>, <c>order</c>, <c>group_id</c> and <c>enabled</c>;
/// of a group <c>id</c>, <c>name</c> and <c>order</c>; the others (<c>status</c> among them: StatusKit computes a
/// component's status itself; <c>link</c>, <c>tags</c>, a group's <c>collapsed</c> and <c>visible</c>) are ignored. A
/// member it needs that is missing or of the wrong type is a <see cref="StatusKitValidationException"/> naming its JSON
/// path (<c>components.data[3].name</c>).
/// </summary>
internal static class CachetComponentsDocument
{
    /// <summary>The prefix of a group's id among the entries: Cachet numbers groups and components apart.</summary>
    private const string GroupPrefix = "group-";

    /// <summary>What the request's body holds, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/> (nothing more is read).</summary>
    public static async Task<CachetComponents?> ReadAsync(HttpContext context)
    {
        using var document = await ParseAsync(context);
        return document is null ? null : Read(document.RootElement);
    }

    /// <summary>The components and groups of a parsed body (either shape).</summary>
    public static CachetComponents Read(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("data", out _) && root.TryGetProperty("components", out var components))
        {
            JsonElement? groups = root.TryGetProperty("groups", out var g) && g.ValueKind != JsonValueKind.Null ? g : null;
            return Read(components, "components", groups);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(
                "body", "The body must be Cachet's GET /api/v1/components as downloaded ({ \"meta\": {...}, \"data\": [...] }), or that with its groups ({ \"components\": {...}, \"groups\": {...} }).");
        }

        return Read(root, string.Empty, null);
    }

    /// <summary>The names of Cachet's components by id, of the components list <paramref name="list"/> at <paramref name="path"/> (for the incident import).</summary>
    public static Dictionary<string, string> NamesById(JsonElement list, string path)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in Entries(list, path, "GET /api/v1/components", (c, at) => (Id(c, "id", at), Text(c, "name", at))))
        {
            names.TryAdd(id, name);
        }

        return names;
    }

    private static CachetComponents Read(JsonElement components, string path, JsonElement? groups)
    {
        var entries = new List<ImportedComponent>();
        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        if (groups is { } list)
        {
            foreach (var group in Entries(list, "groups", "GET /api/v1/components/groups", Group))
            {
                if (groupIds.Add(group.StatuspageId))
                {
                    entries.Add(group);
                }
            }
        }

        var disabled = new List<string>();
        var notFound = new List<string>();
        foreach (var (component, enabled) in Entries(components, path, "GET /api/v1/components", Component))
        {
            if (!enabled)
            {
                disabled.Add(component.Name);
                continue;
            }

            if (component.GroupId is { } groupId && !groupIds.Contains(groupId))
            {
                var id = groupId[GroupPrefix.Length..];
                if (!notFound.Contains(id))
                {
                    notFound.Add(id);
                }

                entries.Add(component with { GroupId = null });
                continue;
            }

            entries.Add(component);
        }

        return new CachetComponents(entries, disabled, notFound);
    }

    private static ImportedComponent Group(JsonElement group, string path) => new()
    {
        StatuspageId = GroupPrefix + Id(group, "id", path),
        Name = Text(group, "name", path),
        Position = OptionalNumber(group, "order", path),
        IsGroup = true,
    };

    private static (ImportedComponent Component, bool Enabled) Component(JsonElement component, string path)
    {
        var groupId = OptionalId(component, "group_id", path);
        var imported = new ImportedComponent
        {
            StatuspageId = Id(component, "id", path),
            Name = Text(component, "name", path),
            Description = OptionalText(component, "description", path) is { } text && text.Trim().Length > 0 ? text : null,
            Position = OptionalNumber(component, "order", path),
            GroupId = groupId is null ? null : GroupPrefix + groupId,
        };
        return (imported, Flag(component, "enabled", path, absent: true));
    }
}
