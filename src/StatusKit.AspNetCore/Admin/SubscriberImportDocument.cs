using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of <c>POST admin/pages/{pageId}/import/subscribers</c> into the rows of
/// <see cref="SubscriberImportService.ImportAsync"/>: at most <see cref="StatuspageDocument.MaxBytes"/> and
/// <see cref="SubscriberImportService.MaxRows"/> rows, either
/// <list type="bullet">
/// <item><c>text/csv</c> (RFC 4180, <see cref="CsvRecords"/>): a header row naming the columns, matched by name in any
/// case and in any order; <c>email</c>, <c>channel</c> (or <c>type</c>, the name Statuspage's subscriber import
/// template uses; blank is email), <c>destination</c> (the URL of another channel, or an address) and
/// <c>components</c> (names separated by <c>;</c> or <c>|</c>; blank follows all), and for <c>sms</c> rows
/// <c>phone_number</c> (or <c>phone</c>, <c>number</c>) with <c>phone_country</c> (or <c>country</c>,
/// <c>country_code</c>: the two-letter ISO 3166 country of a national number, of any country libphonenumber knows,
/// <see cref="NationalPhoneNumber"/>) are read and any
/// other column is ignored; <c>email</c>, <c>destination</c> or <c>phone_number</c> is required. Each row's number is the line it starts on (the header is
/// line 1); a row whose cells are all blank is ignored.</item>
/// <item><c>application/json</c>: <c>{ "subscribers": [ { "channel", "destination", "components", "notifyOn" } ] }</c>,
/// the components by name, each row's number its position in <c>subscribers</c> counting from 1.</item>
/// </list>
/// A document that cannot be read as one of them is a <see cref="StatusKitValidationException"/> naming <c>body</c>, the
/// missing column, or the JSON path; a row that can be read but breaks a rule is the import's to skip.
/// </summary>
internal static class SubscriberImportDocument
{
    private const string Member = "subscribers";
    private static readonly string[] Types = ["application/json", "text/csv"];
    private static readonly HashSet<string> RowMembers = new(["channel", "destination", "components", "notifyOn"], StringComparer.Ordinal);
    private static readonly char[] ComponentSeparators = [';', '|'];

    /// <summary>
    /// The rows of the request's body, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/> (nothing
    /// more is read). A content type other than CSV or JSON is a 415.
    /// </summary>
    public static async Task<IReadOnlyList<ImportedSubscriber>?> ReadAsync(HttpContext context)
    {
        BodyContentTypes.Require(context.Request, Types);
        if (context.Request.HasJsonContentType())
        {
            using var document = await StatuspageDocument.ParseAsync(context);
            return document is null ? null : ReadJson(document.RootElement);
        }

        var encoding = BodyContentTypes.RequireKnownCharset(context.Request, Types);
        if (!await BoundedRequestBody.TryBufferAsync(context, StatuspageDocument.MaxBytes))
        {
            return null;
        }

        using var reader = new StreamReader(context.Request.Body, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return ReadCsv(await reader.ReadToEndAsync(context.RequestAborted));
    }

    /// <summary>The 413 problem of a body over <see cref="StatuspageDocument.MaxBytes"/>.</summary>
    public static IResult TooLarge() =>
        TypedResults.Problem(
            $"The document must be at most {StatuspageDocument.MaxBytes / (1024 * 1024)} MiB ({SubscriberImportService.MaxRows} subscribers take far less): split it and import each part.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large.");

    /// <summary>The rows of a CSV document.</summary>
    public static IReadOnlyList<ImportedSubscriber> ReadCsv(string text)
    {
        var records = CsvRecords.Parse(text);
        if (records.Count == 0)
        {
            throw new StatusKitValidationException("body", "The CSV is empty: its first line names the columns (email; or channel, destination; components).");
        }

        var columns = Columns(records[0]);
        if (!columns.ContainsKey("email") && !columns.ContainsKey("destination") && !columns.ContainsKey("phone_number"))
        {
            throw new StatusKitValidationException(
                "email", "The CSV has no email column: its header row must name one (or a destination column, with a channel column for Slack, Teams, Discord and webhook URLs, or a phone_number column for sms rows).");
        }

        var rows = new List<ImportedSubscriber>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Cell(string column) => columns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index] : null;
            var channel = Cell("channel");
            var email = Cell("email");
            var isEmail = string.IsNullOrWhiteSpace(channel) || string.Equals(channel.Trim(), "email", StringComparison.OrdinalIgnoreCase);
            var fromEmail = isEmail && columns.ContainsKey("email") && (!string.IsNullOrWhiteSpace(email) || !columns.ContainsKey("destination"));
            // An sms row's number is in its phone column (Statuspage's template: national, with the country beside it).
            var fromPhone = !isEmail && string.Equals(channel!.Trim(), "sms", StringComparison.OrdinalIgnoreCase)
                && columns.ContainsKey("phone_number") && (!string.IsNullOrWhiteSpace(Cell("phone_number")) || !columns.ContainsKey("destination"));
            rows.Add(new ImportedSubscriber
            {
                Row = record.Line,
                Channel = channel,
                Destination = fromEmail ? email : fromPhone ? NationalPhoneNumber.International(Cell("phone_number"), Cell("phone_country")) : Cell("destination"),
                DestinationField = fromEmail ? "email" : fromPhone ? "phone_number" : "destination",
                Components = Cell("components")?.Split(ComponentSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            });
            RequireAtMostMaxRows(rows.Count);
        }

        return rows;
    }

    /// <summary>The rows of a parsed JSON document (its root: an object with <c>subscribers</c>).</summary>
    public static IReadOnlyList<ImportedSubscriber> ReadJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException("body", "The body must be an object whose \"subscribers\" member is an array ({ \"subscribers\": [ { \"channel\": \"email\", \"destination\": \"...\" } ] }).");
        }

        var subscribers = StatuspageDocument.Member(root, Member, Member, JsonValueKind.Array, "an array of subscribers");
        RequireAtMostMaxRows(subscribers.GetArrayLength());
        var rows = new List<ImportedSubscriber>(subscribers.GetArrayLength());
        var index = 0;
        foreach (var subscriber in subscribers.EnumerateArray())
        {
            var path = $"{Member}[{index++}]";
            if (subscriber.ValueKind != JsonValueKind.Object)
            {
                throw new StatusKitValidationException(path, $"The {path} must be a subscriber object ({{ \"channel\": \"email\", \"destination\": \"...\" }}).");
            }

            // A member misspelt would be dropped unseen: "component" would subscribe the row to every component.
            foreach (var property in subscriber.EnumerateObject())
            {
                if (!RowMembers.Contains(property.Name))
                {
                    throw new StatusKitValidationException(
                        $"{path}.{property.Name}", $"The {path}.{property.Name} is not taken; a subscriber has channel, destination, components and notifyOn.");
                }
            }

            rows.Add(new ImportedSubscriber
            {
                Row = index,
                Channel = StatuspageDocument.OptionalText(subscriber, "channel", path),
                Destination = StatuspageDocument.OptionalText(subscriber, "destination", path),
                Components = Strings(subscriber, "components", path) ?? [],
                NotifyOn = NotifyOn(subscriber, path),
            });
        }

        return rows;
    }

    private static Dictionary<string, int> Columns(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            var column = name switch
            {
                "type" => "channel",
                "phone" or "number" or "phone number" => "phone_number",
                "country" or "country_code" or "country code" => "phone_country",
                _ => name,
            };
            if (column is not ("email" or "channel" or "destination" or "components" or "phone_number" or "phone_country"))
            {
                continue;
            }

            if (!columns.TryAdd(column, i))
            {
                throw new StatusKitValidationException(
                    column, $"The CSV's header row names the {column} column twice (type and channel are the same column, as are phone, number and phone_number, and country, country_code and phone_country); name it once.");
            }
        }

        return columns;
    }

    private static void RequireAtMostMaxRows(int count)
    {
        if (count > SubscriberImportService.MaxRows)
        {
            throw new StatusKitValidationException(
                "body", $"An import takes at most {SubscriberImportService.MaxRows} subscribers; split the document and import each part (importing again skips those already subscribed).");
        }
    }

    private static List<string>? Strings(JsonElement owner, string name, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = $"{path}.{name}";
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new StatusKitValidationException(field, $"The {field} must be an array of names.");
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new StatusKitValidationException($"{field}[{index}]", $"The {field}[{index}] must be a string.");
            }

            result.Add(item.GetString()!);
            index++;
        }

        return result;
    }

    private static NotificationEvents NotifyOn(JsonElement subscriber, string path)
    {
        var names = Strings(subscriber, "notifyOn", path);
        try
        {
            return NotifyOnNames.Read(names);
        }
        catch (StatusKitValidationException ex)
        {
            throw new StatusKitValidationException($"{path}.notifyOn", ex.Message, ex.Code);
        }
    }
}
