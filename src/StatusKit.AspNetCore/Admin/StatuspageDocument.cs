using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// What every Statuspage document StatusKit imports shares (<see cref="StatuspageIncidentsDocument"/>,
/// <see cref="StatuspageComponentsDocument"/>, <see cref="StatuspageMaintenancesDocument"/>): a JSON body posted as downloaded, at most <see cref="MaxBytes"/>, whose root
/// is the object Statuspage serves, and members read by JSON path, each one missing, of the wrong type or empty a
/// <see cref="StatusKitValidationException"/> naming that path.
/// </summary>
internal static class StatuspageDocument
{
    /// <summary>The largest body taken: 5 MiB (Statuspage's 50 incidents with long timelines take a few hundred KiB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] JsonType = ["application/json"];

    /// <summary>
    /// The request's body parsed, or null when it is larger than <see cref="MaxBytes"/> (nothing more is read). A body
    /// that is not JSON is a validation error naming <c>body</c>; a content type other than JSON a 415.
    /// </summary>
    public static async Task<JsonDocument?> ParseAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            BodyContentTypes.Require(context.Request, JsonType);
        }

        var encoding = BodyContentTypes.RequireKnownCharset(context.Request, JsonType);
        if (!await BoundedRequestBody.TryBufferAsync(context, MaxBytes))
        {
            return null;
        }

        try
        {
            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }

            await using var utf8 = Encoding.CreateTranscodingStream(context.Request.Body, encoding, Encoding.UTF8, leaveOpen: true);
            return await JsonDocument.ParseAsync(utf8, cancellationToken: context.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new StatusKitValidationException("body", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The 413 problem of a body over <see cref="MaxBytes"/>, naming the document expected (<c>incidents.json</c>).</summary>
    public static IResult TooLarge(string document) =>
        TypedResults.Problem(
            $"The document must be at most {MaxBytes / (1024 * 1024)} MiB; Statuspage's {document} is far smaller: post it as downloaded.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large.");

    /// <summary>
    /// The array <paramref name="member"/> of the document's root. Only the document as Statuspage serves it: a bare
    /// array is refused rather than guessed at, so a document of another shape is not read as this one.
    /// </summary>
    public static JsonElement Root(JsonElement root, string document, string member, string shape)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(
                "body", $"The body must be Statuspage's {document} as downloaded: an object whose \"{member}\" member is an array ({{ \"page\": {{...}}, \"{member}\": [...] }}).");
        }

        return Member(root, member, member, JsonValueKind.Array, shape);
    }

    /// <summary>
    /// Each entry of the root's array <paramref name="member"/> (see <see cref="Root"/>), read by
    /// <paramref name="read"/> with its JSON path (<c>incidents[2]</c>), in the document's order.
    /// </summary>
    public static List<T> Entries<T>(JsonElement root, string document, string member, string shape, Func<JsonElement, string, T> read)
    {
        var entries = Root(root, document, member, shape);
        var result = new List<T>(entries.GetArrayLength());
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            result.Add(read(entry, $"{member}[{index++}]"));
        }

        return result;
    }

    /// <summary>The member <paramref name="name"/> of <paramref name="owner"/>, required and of <paramref name="kind"/> (else an error naming <paramref name="path"/>).</summary>
    public static JsonElement Member(JsonElement owner, string name, string path, JsonValueKind kind, string shape)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new StatusKitValidationException(path, $"The {path} is required.");
        }

        if (value.ValueKind != kind)
        {
            throw new StatusKitValidationException(path, $"The {path} must be {shape}.");
        }

        return value;
    }

    /// <summary>A required string member, not empty unless <paramref name="allowEmpty"/>.</summary>
    public static string Text(JsonElement owner, string name, string path, bool allowEmpty = false)
    {
        var text = Member(owner, name, $"{path}.{name}", JsonValueKind.String, "a string").GetString()!;
        return allowEmpty || text.Trim().Length > 0 ? text : throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} must not be empty.");
    }

    /// <summary>A string member, or null when it is missing or null.</summary>
    public static string? OptionalText(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Text(owner, name, path, allowEmpty: true) : null;

    /// <summary>A required time member: ISO 8601 with its UTC offset.</summary>
    public static DateTimeOffset Time(JsonElement owner, string name, string path)
    {
        var field = $"{path}.{name}";
        var text = Member(owner, name, field, JsonValueKind.String, "a time (ISO 8601 with its UTC offset)").GetString()!;
        // An offset is required: a time without one would be read on the server's clock.
        if (!HasOffset(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new StatusKitValidationException(field, $"The {field} '{QuotedValue.Of(text)}' must be a time in ISO 8601 with its UTC offset, as Statuspage writes it (2025-03-04T09:15:22.371-05:00).");
        }

        return time;
    }

    /// <summary>A time member, or null when it is missing or null.</summary>
    public static DateTimeOffset? OptionalTime(JsonElement owner, string name, string path) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Time(owner, name, path) : null;

    /// <summary>
    /// When the update <paramref name="update"/> (at <paramref name="path"/>) is shown: its <c>display_at</c> (an operator
    /// may set it), else its <c>created_at</c> (when it was posted); one of them is required.
    /// </summary>
    public static DateTimeOffset ShownAt(JsonElement update, string path) =>
        OptionalTime(update, "display_at", path)
            ?? (update.TryGetProperty("created_at", out var created) && created.ValueKind != JsonValueKind.Null
                ? Time(update, "created_at", path)
                : throw new StatusKitValidationException($"{path}.created_at", $"The {path}.created_at (or its display_at) is required: when the update was posted."));

    /// <summary>The names of the <c>components</c> of <paramref name="owner"/> (at <paramref name="path"/>); none when it is missing or null.</summary>
    public static List<string> ComponentNames(JsonElement owner, string path)
    {
        var names = new List<string>();
        if (!owner.TryGetProperty("components", out var components) || components.ValueKind == JsonValueKind.Null)
        {
            return names;
        }

        if (components.ValueKind != JsonValueKind.Array)
        {
            throw new StatusKitValidationException($"{path}.components", $"The {path}.components must be an array of components.");
        }

        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            var at = $"{path}.components[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
            {
                throw new StatusKitValidationException(at, $"The {at} must be a component object.");
            }

            names.Add(Text(component, "name", at));
        }

        return names;
    }

    private static bool HasOffset(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length < 11 || t[4] != '-')
        {
            return false;
        }

        if (t[^1] is 'Z' or 'z')
        {
            return true;
        }

        // ±hh:mm or ±hhmm at the end, after the time.
        var sign = t.Length >= 6 && t[^6] is '+' or '-' && t[^3] == ':' ? t.Length - 6 : t.Length >= 5 && t[^5] is '+' or '-' ? t.Length - 5 : -1;
        return sign > 10;
    }
}
