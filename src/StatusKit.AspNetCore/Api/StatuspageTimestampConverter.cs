using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatusKit.AspNetCore.Api;

/// <summary>
/// Writes timestamps as Statuspage does: ISO 8601 with milliseconds and the offset the value carries (the page's
/// time zone), e.g. <c>2026-01-05T10:00:00.000+01:00</c>.
/// </summary>
internal sealed class StatuspageTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
