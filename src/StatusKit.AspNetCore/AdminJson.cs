using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.AspNetCore;

/// <summary>
/// The JSON conventions of the admin and subscription APIs (camelCase, enums as camelCase strings), owned by StatusKit
/// so the host's own JSON options are left alone. Bad JSON becomes a validation error naming the path.
/// </summary>
internal static class AdminJson
{
    private static readonly string[] JsonType = ["application/json"];

    private const string VersionMember = "expectedVersion";

    private const string VersionInBody =
        "The version an edit is made against is sent as the If-Match header (the ETag of the record as read), not in the body.";

    public static JsonSerializerOptions Options { get; } = Create();

    public static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            BodyContentTypes.Require(context.Request, JsonType);
        }

        // Read here rather than by ReadFromJsonAsync, which fails with a server error on a quoted charset
        // (charset="utf-8", the same as unquoted) as on one .NET does not know: the client's mistake, refused first.
        var encoding = BodyContentTypes.RequireKnownCharset(context.Request, JsonType);
        // Kept, so a body that leaves out a required member can be read again to name it (the serializer's error does not).
        context.Request.EnableBuffering();
        try
        {
            return await DeserializeAsync<T>(context.Request.Body, encoding, context.RequestAborted) ?? throw EmptyBody();
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            if (field == "body" && await MissingRequiredMemberAsync<T>(context.Request.Body, encoding, context.RequestAborted) is { } member)
            {
                throw new StatusKitValidationException(member, $"The {member} is required.", ValidationCodes.MemberRequired);
            }

            if (ex is MissingOffsetException)
            {
                throw new StatusKitValidationException(
                    field,
                    $"The {field} must name its UTC offset ('Z' or one like '+01:00'); without one it would be read on the server's clock.",
                    ValidationCodes.ValueInvalid);
            }

            if (JsonMemberShape.Unknown(Options.GetTypeInfo(typeof(T)), ex.Path) is var (name, known))
            {
                throw new StatusKitValidationException(
                    field,
                    string.Equals(name, VersionMember, StringComparison.OrdinalIgnoreCase)
                        ? VersionInBody
                        : $"'{QuotedValue.Of(name)}' is not a member of this body; it takes {string.Join(", ", known)}.",
                    ValidationCodes.MemberUnknown);
            }

            // A value the member cannot take (the reader's own syntax errors come wrapped: they keep the serializer's
            // message, which says where the syntax breaks).
            if (ex.InnerException is not JsonException && JsonMemberShape.At(Options.GetTypeInfo(typeof(T)), ex.Path) is var (shape, code))
            {
                throw new StatusKitValidationException(field, $"The {field} must be {shape}.", code);
            }

            throw new StatusKitValidationException(field, $"The JSON is not valid here: {ex.Message}", ValidationCodes.BodyInvalidJson);
        }
    }

    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Options, statusCode: statusCode);

    private static JsonSerializerOptions Create()
    {
        // A member the body does not take is refused rather than ignored: a misspelt or misplaced member ("components"
        // where the admin API takes "componentIds") would otherwise be read as left out, and its default applied. A
        // signal is the exception: a platform's webhook sends it, and may carry members of its own (or of a newer
        // version) that a StatusKit not yet upgraded must not refuse its incidents for.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Text as it is (as the Statuspage documents write it): a signing secret's '+' escaped as \u002B was copied
            // from curl's output as six wrong characters. The answers are JSON, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // A number is a JSON number: "1" in a number's place is refused, as a quoted boolean is (the web defaults
            // would read it, and "NaN" too), and the OpenAPI document declares numbers as numbers (OpenApiNumberSchemas).
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    static info =>
                    {
                        if (info.Type == typeof(IncidentSignal))
                        {
                            info.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
                        }
                        else if (info.Kind == JsonTypeInfoKind.Object)
                        {
                            RefuseVersionInBody(info);
                        }
                    },
                },
            },
        };
        // Enums by name only: a number would be read by the enum's declaration order ("severity": 1 is major), which no
        // document states, so a client guessing it would be read without complaint and mean something else.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new ExplicitOffsetConverter());
        options.MakeReadOnly();
        return options;
    }

    // The services' update requests carry the version an edit was made against, which the routes take from If-Match
    // alone ([JsonIgnore]). Named in a body, it would be skipped as a member the type knows, and a client that thinks it
    // guards its write would write unguarded; it is refused instead, naming the header. (An ignored member stays in the
    // contract, with neither getter nor setter: a setter that refuses makes the reader read it, and writing still skips it.)
    private static void RefuseVersionInBody(JsonTypeInfo info)
    {
        foreach (var member in info.Properties)
        {
            if (member.Name == VersionMember && member.Set is null && member.Get is null)
            {
                member.Set = static (_, _) => throw new StatusKitValidationException(VersionMember, VersionInBody, ValidationCodes.MemberUnknown);
            }
        }
    }

    private static async ValueTask<T?> DeserializeAsync<T>(Stream body, Encoding encoding, CancellationToken cancellationToken)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return await JsonSerializer.DeserializeAsync<T>(body, Options, cancellationToken);
        }

        await using var utf8 = Encoding.CreateTranscodingStream(body, encoding, Encoding.UTF8, leaveOpen: true);
        return await JsonSerializer.DeserializeAsync<T>(utf8, Options, cancellationToken);
    }

    // The first required member of T (a C# required property) that the body's object leaves out, by its JSON name
    // (matched in any case, as the options read members); null when it has them all or is no JSON object.
    private static async ValueTask<string?> MissingRequiredMemberAsync<T>(Stream body, Encoding encoding, CancellationToken cancellationToken)
    {
        body.Position = 0;
        JsonElement root;
        try
        {
            root = await DeserializeAsync<JsonElement>(body, encoding, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var present = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Options.GetTypeInfo(typeof(T)).Properties.FirstOrDefault(p => p.IsRequired && !present.Contains(p.Name))?.Name;
    }

    private static StatusKitValidationException EmptyBody() => new("body", "The body is empty.", ValidationCodes.BodyInvalidJson);
}
