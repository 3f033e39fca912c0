using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StatusKit.Model;

namespace StatusKit.AspNetCore;

/// <summary>
/// What a member of a request body must be, in the API's own words ("one of operational, …", "true or false"), found
/// from the path of the serializer's error (<c>$.components[0]</c>) through the body type's JSON contract: the
/// serializer's own message names .NET types (<c>System.Nullable`1[StatusKit.Status.ComponentStatus]</c>), which a
/// client of a JSON API cannot act on.
/// </summary>
internal static class JsonMemberShape
{
    /// <summary>
    /// The shape of the member at <paramref name="path"/> of <paramref name="body"/>, with the code of a value that does
    /// not have it (<see cref="ValidationCodes"/>: a channel's own, an id's, or <see cref="ValidationCodes.ValueInvalid"/>);
    /// null when the path leads to no member it knows.
    /// </summary>
    public static (string Shape, string Code)? At(JsonTypeInfo body, string? path) =>
        Walk(body, path).Member is { } member && Describe(member) is { } shape ? (shape, CodeOf(member)) : null;

    /// <summary>
    /// The last member of <paramref name="path"/> and the members the object holding it takes, when it is none of them
    /// (a misspelling, or a member of another body); null when it is one, or the path leads elsewhere.
    /// </summary>
    public static (string Name, IReadOnlyList<string> Known)? Unknown(JsonTypeInfo body, string? path) =>
        Walk(body, path) is { Owner: { } owner, Name: { } name, Member: null } ? (name, [.. owner.Properties.Where(p => p.Get is not null).Select(p => p.Name)]) : null;

    // The member the path leads to, and the object holding it and its name when the path's last step is a member's name.
    private static (JsonTypeInfo? Owner, string? Name, JsonTypeInfo? Member) Walk(JsonTypeInfo body, string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return (null, null, null);
        }

        JsonTypeInfo? owner = null;
        string? name = null;
        JsonTypeInfo? member = body;
        var i = 1;
        while (i < path.Length && member is not null)
        {
            owner = member;
            int next;
            if (path[i] == '.')
            {
                next = path.IndexOfAny(['.', '['], i + 1);
                next = next < 0 ? path.Length : next;
                name = path[(i + 1)..next];
                member = Property(owner, name);
            }
            else if (path.AsSpan(i).StartsWith("['") && path.IndexOf("']", i + 2, StringComparison.Ordinal) is var quoted and >= 0)
            {
                name = path[(i + 2)..quoted];
                member = Property(owner, name);
                next = quoted + 2;
            }
            else if (path[i] == '[' && path.IndexOf(']', i + 1) is var close and >= 0)
            {
                member = owner.ElementType is { } element ? owner.Options.GetTypeInfo(element) : null;
                (owner, name) = (null, null);
                next = close + 1;
            }
            else
            {
                return (null, null, null);
            }

            i = next;
        }

        return i < path.Length ? (null, null, null) : (owner, name, member);
    }

    private static JsonTypeInfo? Property(JsonTypeInfo owner, string name) =>
        owner.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } property
            ? owner.Options.GetTypeInfo(property.PropertyType)
            : null;

    // A channel that is none of StatusKit's names has the code the services give it; an id, the code of every id that is
    // not one; any other member's value, the generic one.
    private static string CodeOf(JsonTypeInfo member)
    {
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        return type == typeof(SubscriberChannel) ? ValidationCodes.ChannelUnknown
            : type == typeof(Guid) ? ValidationCodes.IdInvalid
            : ValidationCodes.ValueInvalid;
    }

    private static string? Describe(JsonTypeInfo member)
    {
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName));
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.String => "a string",
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.DateTime => "a wall-clock time in ISO 8601 without offset, like 2026-12-27T02:00:00",
            _ when type == typeof(DateTimeOffset) => "a time in ISO 8601 with its UTC offset, like 2026-12-01T09:00:00Z",
            _ when type == typeof(Guid) => "an id (a GUID, like 0195f3a4-1c2b-7d3e-9f40-5a6b7c8d9e0f)",
            _ => member.Kind switch
            {
                JsonTypeInfoKind.Enumerable => "a list",
                JsonTypeInfoKind.Object => "an object",
                _ => null,
            },
        };
    }
}
