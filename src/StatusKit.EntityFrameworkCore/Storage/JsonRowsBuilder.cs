using System.Text;
using System.Text.Json;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>Writes the JSON array parameter of a set-based statement, with values in the shapes the dialect reads.</summary>
internal sealed class JsonRowsBuilder : IDisposable
{
    private readonly StoreDialect _dialect;
    private readonly MemoryStream _stream = new();
    private readonly Utf8JsonWriter _writer;

    public JsonRowsBuilder(StoreDialect dialect)
    {
        _dialect = dialect;
        _writer = new Utf8JsonWriter(_stream);
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    public JsonRowsBuilder StartRow()
    {
        _writer.WriteStartObject();
        Count++;
        return this;
    }

    public JsonRowsBuilder EndRow()
    {
        _writer.WriteEndObject();
        return this;
    }

    public JsonRowsBuilder Add(string name, Guid? value)
    {
        if (value is not { } guid)
        {
            _writer.WriteNull(name);
            return this;
        }

        Span<byte> text = stackalloc byte[SqliteText.GuidLength];
        _writer.WriteString(name, text[.._dialect.FormatGuid(guid, text)]);
        return this;
    }

    public JsonRowsBuilder Add(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }

        return this;
    }

    public JsonRowsBuilder Add(string name, long value)
    {
        _writer.WriteNumber(name, value);
        return this;
    }

    public JsonRowsBuilder Add(string name, DateTime? utc)
    {
        if (utc is { } value)
        {
            Span<byte> text = stackalloc byte[StoreDialect.MaxInstantLength];
            _writer.WriteString(name, text[.._dialect.FormatInstant(value, text)]);
        }
        else
        {
            _writer.WriteNull(name);
        }

        return this;
    }

    /// <summary>Writes a value of a mapped entity property (enums as their numbers).</summary>
    public JsonRowsBuilder AddValue(string name, object? value)
    {
        switch (value)
        {
            case null:
                _writer.WriteNull(name);
                break;
            case Guid guid:
                Add(name, guid);
                break;
            case string text:
                Add(name, text);
                break;
            case DateTime instant:
                Add(name, instant);
                break;
            case bool flag:
                _writer.WriteBoolean(name, flag);
                break;
            case Enum:
                _writer.WriteNumber(name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case int number:
                _writer.WriteNumber(name, number);
                break;
            case long number:
                _writer.WriteNumber(name, number);
                break;
            default:
                throw new NotSupportedException($"Cannot write a {value.GetType()} to a JSON row.");
        }

        return this;
    }

    public string Build()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_stream.GetBuffer(), 0, checked((int)_stream.Length));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
