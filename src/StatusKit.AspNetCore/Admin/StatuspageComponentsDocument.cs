using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Services;
using static StatusKit.AspNetCore.Admin.StatuspageDocument;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of Atlassian Statuspage's public <c>GET /api/v2/components.json</c> or <c>GET /api/v2/summary.json</c>
/// as it is downloaded (an object with a <c>components</c> array; its other members, <c>page</c>, <c>status</c>,
/// <c>incidents</c> …, are not used) into the components of <see cref="ComponentImportService.ImportAsync"/>. Of each
/// entry it reads <c>id</c>, <c>name</c>, <c>description</c>, <c>position</c>, <c>group</c>, <c>group_id</c>,
/// <c>components</c> (a group's members) and <c>only_show_if_degraded</c>; the others (<c>status</c> among them:
/// StatusKit computes a component's status itself) are ignored. One it needs that is missing or of the wrong type is a
/// <see cref="StatusKitValidationException"/> naming its JSON path (<c>components[3].name</c>), with the limits of every
/// Statuspage document (<see cref="StatuspageDocument"/>).
/// </summary>
internal static class StatuspageComponentsDocument
{
    /// <summary>
    /// The components of the request's body, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/>
    /// (nothing more is read).
    /// </summary>
    public static async Task<IReadOnlyList<ImportedComponent>?> ReadAsync(HttpContext context)
    {
        using var document = await ParseAsync(context);
        return document is null ? null : Read(document.RootElement);
    }

    /// <summary>The components and groups of a parsed document (its root: an object with <c>components</c>), in the order given.</summary>
    public static IReadOnlyList<ImportedComponent> Read(JsonElement root)
    {
        return Entries(root, "components.json (or summary.json)", "components", "an array of components", Component);
    }

    private static ImportedComponent Component(JsonElement component, string path)
    {
        if (component.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(path, $"The {path} must be a component object.");
        }

        return new ImportedComponent
        {
            StatuspageId = Text(component, "id", path),
            Name = Text(component, "name", path),
            Description = OptionalText(component, "description", path),
            Position = Position(component, path),
            IsGroup = OptionalBool(component, "group", path),
            GroupId = OptionalText(component, "group_id", path),
            MemberIds = MemberIds(component, path),
            OnlyShowIfDegraded = OptionalBool(component, "only_show_if_degraded", path),
        };
    }

    private static int? Position(JsonElement component, string path)
    {
        if (!component.TryGetProperty("position", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var position)
            ? position
            : throw new StatusKitValidationException($"{path}.position", $"The {path}.position must be a whole number.");
    }

    private static bool OptionalBool(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} must be true or false."),
        };
    }

    private static IReadOnlyList<string> MemberIds(JsonElement component, string path)
    {
        if (!component.TryGetProperty("components", out var members) || members.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (members.ValueKind != JsonValueKind.Array)
        {
            throw new StatusKitValidationException($"{path}.components", $"The {path}.components must be an array of component ids.");
        }

        var ids = new List<string>(members.GetArrayLength());
        var index = 0;
        foreach (var member in members.EnumerateArray())
        {
            var at = $"{path}.components[{index++}]";
            ids.Add(member.ValueKind == JsonValueKind.String
                ? member.GetString()!
                : throw new StatusKitValidationException(at, $"The {at} must be a component id (a string)."));
        }

        return ids;
    }
}
