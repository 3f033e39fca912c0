using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatusKit.AspNetCore;

/// <summary>
/// Reads an instant only when its text names its UTC offset (<c>Z</c> or one like <c>+01:00</c>): the serializer reads
/// one without as the server's local time, so the same body would mean another instant on a server in another zone.
/// Writes as the serializer does.
/// </summary>
internal sealed class ExplicitOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The serializer's ISO 8601 reading gives a DateTime of kind Unspecified exactly when the text has no offset.
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            throw new MissingOffsetException();
        }

        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
