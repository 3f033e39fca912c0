using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// What every Cachet document StatusKit imports shares (<see cref="CachetComponentsDocument"/>,
/// <see cref="CachetIncidentsDocument"/>): the body of a list of Cachet 2.x's API v1 as downloaded
/// (<c>{ "meta": { "pagination": {...} }, "data": [...] }</c>), alone or as a member of a body that brings two lists
/// together; the body's limits are those of a Statuspage document (<see cref="StatuspageDocument"/>). Cachet writes its
/// times without an offset (<c>2025-03-04 09:15:22</c>) on its own clock (its <c>APP_TIMEZONE</c>): they are read in the
/// time zone the route is given, an ISO 8601 time with an offset as it says.
/// </summary>
internal static class CachetDocument
{
    /// <summary>
    /// The entries of the list <paramref name="list"/> (at <paramref name="path"/>, empty for the body's root): its
    /// <c>data</c> array, each read by <paramref name="read"/> with its JSON path (<c>data[2]</c>). A list that is one page
    /// of several (its <c>meta.pagination.total_pages</c> above 1) is refused: importing a part would look complete.
    /// </summary>
    public static List<T> Entries<T>(JsonElement list, string path, string document, Func<JsonElement, string, T> read)
    {
        var at = path.Length == 0 ? "body" : path;
        if (list.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(
                at, $"The {at} must be Cachet's {document} as downloaded: an object whose \"data\" member is an array ({{ \"meta\": {{...}}, \"data\": [...] }}).");
        }

        var data = StatuspageDocument.Member(list, "data", Path(path, "data"), JsonValueKind.Array, "an array");
        RequireWhole(list, path, document, data.GetArrayLength());
        var result = new List<T>(data.GetArrayLength());
        var index = 0;
        foreach (var entry in data.EnumerateArray())
        {
            var entryPath = $"{Path(path, "data")}[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new StatusKitValidationException(entryPath, $"The {entryPath} must be an object.");
            }

            result.Add(read(entry, entryPath));
        }

        return result;
    }

    /// <summary>
    /// The list of a body in either shape an import of <paramref name="listName"/> takes: Cachet's
    /// <paramref name="document"/> as downloaded (path empty, no names), or <c>{ "listName": list, "components": list }</c>
    /// with the components' names by their Cachet id (<see cref="CachetComponentsDocument.NamesById"/>).
    /// </summary>
    public static (JsonElement List, string Path, Dictionary<string, string>? Names) Unwrap(JsonElement root, string listName, string document)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(
                "body",
                $"The body must be Cachet's {document} as downloaded ({{ \"meta\": {{...}}, \"data\": [...] }}), or that with its components ({{ \"{listName}\": {{...}}, \"components\": {{...}} }}).");
        }

        if (!root.TryGetProperty("data", out _) && root.TryGetProperty(listName, out var wrapped))
        {
            var names = root.TryGetProperty("components", out var components) && components.ValueKind != JsonValueKind.Null
                ? CachetComponentsDocument.NamesById(components, "components")
                : null;
            return (wrapped, listName, names);
        }

        return (root, string.Empty, null);
    }

    /// <summary>
    /// The name of the component <paramref name="componentId"/> in <paramref name="names"/>, or null, adding an id they
    /// lack to <paramref name="notFound"/> once (the report's components not found; every id when no names were given).
    /// </summary>
    public static string? ComponentName(string componentId, Dictionary<string, string>? names, List<string> notFound)
    {
        if (names is not null && names.TryGetValue(componentId, out var name))
        {
            return name;
        }

        if (!notFound.Contains(componentId))
        {
            notFound.Add(componentId);
        }

        return null;
    }

    /// <summary>The JSON path of <paramref name="member"/> under <paramref name="path"/> (the root when empty).</summary>
    public static string Path(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    /// <summary>A required id: Cachet's ids are whole numbers (a string of one is taken too), written as text.</summary>
    public static string Id(JsonElement owner, string name, string path) =>
        OptionalId(owner, name, path) ?? throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} is required.");

    /// <summary>An id, or null when it is missing, null or 0 (Cachet's "none": a component in no group, an incident of no component).</summary>
    public static string? OptionalId(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        long id = 0;
        var valid = (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out id))
            || (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id));
        if (!valid || id < 0)
        {
            throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} must be a Cachet id (a whole number).");
        }

        return id == 0 ? null : id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number member (Cachet's statuses, orders), or null when it is missing or null; a string of digits is taken too.</summary>
    public static int? OptionalNumber(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var number = 0;
        var valid = (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out number))
            || (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number));
        return valid ? number : throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} must be a whole number.");
    }

    /// <summary>
    /// A flag Cachet writes as a boolean or as 0 and 1 (<c>enabled</c>, <c>visible</c>), or <paramref name="absent"/> when it
    /// is missing or null.
    /// </summary>
    public static bool Flag(JsonElement owner, string name, string path, bool absent)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return absent;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var number) && number is 0 or 1 => number == 1,
            JsonValueKind.String when value.GetString() is "0" or "1" => value.GetString() == "1",
            _ => throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} must be true or false (or 1 or 0)."),
        };
    }

    /// <summary>A required time member (see <see cref="OptionalTime"/>).</summary>
    public static DateTimeOffset Time(JsonElement owner, string name, string path, TimeZoneInfo zone) =>
        OptionalTime(owner, name, path, zone) ?? throw new StatusKitValidationException($"{path}.{name}", $"The {path}.{name} is required.");

    /// <summary>
    /// A time member, or null when it is missing, null or empty: Cachet's <c>2025-03-04 09:15:22</c>, read on the clock of
    /// <paramref name="zone"/>, or an ISO 8601 time (with its offset, or read on that clock without one).
    /// </summary>
    public static DateTimeOffset? OptionalTime(JsonElement owner, string name, string path, TimeZoneInfo zone)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = $"{path}.{name}";
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new StatusKitValidationException(field, $"The {field} must be a time, as Cachet writes it (2025-03-04 09:15:22).");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var time) || text.Length < 10 || text[4] != '-')
        {
            throw new StatusKitValidationException(field, $"The {field} '{QuotedValue.Of(text)}' must be a time, as Cachet writes it (2025-03-04 09:15:22).");
        }

        return time.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(time, TimeSpan.Zero),
            DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces),
            _ => new DateTimeOffset(time, OffsetOnTheClock(zone, time)),
        };
    }

    // The offset of a time read on the clock of the zone, as PHP's DateTime (Cachet's Carbon) reads it: a time the clocks
    // show twice is the first (the larger, daylight offset); a time they skip is read with the offset before the change,
    // landing as far after it on the clock (02:30 as 03:30 summer time).
    private static TimeSpan OffsetOnTheClock(TimeZoneInfo zone, DateTime time) =>
        zone.IsAmbiguousTime(time) ? zone.GetAmbiguousTimeOffsets(time).Max() : zone.GetUtcOffset(time);

    /// <summary>The time zone of the query's <c>timeZone</c> (an IANA id, in any case), UTC when it is absent.</summary>
    public static TimeZoneInfo Zone(string? timeZone)
    {
        if (string.IsNullOrEmpty(timeZone))
        {
            return TimeZoneInfo.Utc;
        }

        return IanaTimeZones.Find(timeZone)
            ?? throw new StatusKitValidationException("timeZone", $"The timeZone '{QuotedValue.Of(timeZone)}' is not a time zone this system knows: give the IANA id of Cachet's APP_TIMEZONE (Europe/Berlin), or leave it out for UTC.");
    }

    /// <summary>The 413 problem of a body over <see cref="StatuspageDocument.MaxBytes"/>.</summary>
    public static IResult TooLarge() =>
        TypedResults.Problem(
            $"The document must be at most {StatuspageDocument.MaxBytes / (1024 * 1024)} MiB: post Cachet's lists as downloaded, without metrics or other members.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large.");

    private static void RequireWhole(JsonElement list, string path, string document, int count)
    {
        if (!list.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("pagination", out var pagination) || pagination.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var field = Path(path, "meta.pagination");
        var pages = OptionalNumber(pagination, "total_pages", field) ?? 1;
        if (pages > 1)
        {
            var total = OptionalNumber(pagination, "total", field);
            throw new StatusKitValidationException(
                field,
                $"The {document} is one page of {pages} ({count} of {total?.ToString(CultureInfo.InvariantCulture) ?? "more"}): Cachet lists 20 a page unless told; download it whole with ?per_page=10000 and post that.");
        }
    }
}
