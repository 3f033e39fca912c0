using System.Globalization;
using System.Text;
using StatusKit.EntityFrameworkCore.Storage;

namespace StatusKit.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The UTF-8 writers and the reader of SQLite's stored text shapes must agree exactly with what EF Core's SQLite
/// provider writes (<c>ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF")</c>, upper-case GUIDs): set-based statements compare
/// these texts with stored ones.
/// </summary>
public sealed class SqliteTextTests
{
    private const string StoredInstantFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static TheoryData<DateTime> Instants => new()
    {
        new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc),
        new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1),
        new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_000_000),
        new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560),
        new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9_999),
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void FormatInstant_writes_what_the_provider_stores(DateTime instant)
    {
        Span<byte> destination = stackalloc byte[SqliteText.MaxInstantLength];
        var written = SqliteText.FormatInstant(instant, destination);

        Assert.Equal(instant.ToString(StoredInstantFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(destination[..written]));
    }

    [Fact]
    public void FormatInstant_agrees_with_the_provider_format_for_random_instants()
    {
        var random = new Random(20251122);
        Span<byte> destination = stackalloc byte[SqliteText.MaxInstantLength];
        for (var i = 0; i < 10_000; i++)
        {
            var instant = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            if (i % 3 == 0)
            {
                instant = instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond));
            }

            var written = SqliteText.FormatInstant(instant, destination);
            var text = Encoding.UTF8.GetString(destination[..written]);
            Assert.Equal(instant.ToString(StoredInstantFormat, CultureInfo.InvariantCulture), text);
            Assert.True(SqliteText.TryParseInstant(text, out var parsed));
            Assert.Equal(instant, parsed);
            Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        }
    }

    [Theory]
    [InlineData("2025-03-01 12:00:00", "2025-03-01T12:00:00.0000000")]
    [InlineData("2025-03-01 12:00:00.5", "2025-03-01T12:00:00.5000000")]
    [InlineData("2025-03-01 12:00:00.1234567", "2025-03-01T12:00:00.1234567")]
    [InlineData("2025-03-01T12:00:00.25", "2025-03-01T12:00:00.2500000")]
    public void TryParseInstant_reads_the_stored_shapes_as_utc(string text, string expected)
    {
        Assert.True(SqliteText.TryParseInstant(text, out var value));

        Assert.Equal(DateTime.ParseExact(expected, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc), value);
        Assert.True(SqliteText.TryParseInstant(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(value, fromUtf8);
        Assert.Equal(DateTimeKind.Utc, fromUtf8.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-03-01")]
    [InlineData("2025-03-01 12:00:00.")]
    [InlineData("2025-03-01 12:00:00.12345678")]
    [InlineData("2025-03-01 12:00:00Z")]
    [InlineData("2025-03-01 12:00:00+02:00")]
    [InlineData("2025-02-30 12:00:00")]
    [InlineData("2025-13-01 12:00:00")]
    [InlineData("2025-03-01 24:00:00")]
    [InlineData("2025-03-01 12:60:00")]
    [InlineData("2025-03-01 12:00:60")]
    [InlineData("2025-03-0a 12:00:00")]
    [InlineData("0000-03-01 12:00:00")]
    [InlineData("2460736.5")]
    [InlineData("2025-03-01 12:00:0\u0663")]
    [InlineData("2025-03-01 12:00:00.1234567\u00e9")]
    public void TryParseInstant_leaves_any_other_text_to_the_provider(string text)
    {
        Assert.False(SqliteText.TryParseInstant(text, out _));
        Assert.False(SqliteText.TryParseInstant(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void FormatGuid_writes_upper_case_D_format()
    {
        Span<byte> destination = stackalloc byte[SqliteText.GuidLength];
        foreach (var guid in new[] { Guid.Empty, Guid.AllBitsSet, Guid.NewGuid(), Guid.CreateVersion7(), new Guid("0123abcd-ef01-7abc-8def-abcdefabcdef") })
        {
            var written = SqliteText.FormatGuid(guid, destination);

            Assert.Equal(guid.ToString("D").ToUpperInvariant(), Encoding.UTF8.GetString(destination[..written]));
            Assert.Equal(StoreDialect.Sqlite.FormatGuid(guid), Encoding.UTF8.GetString(destination[..written]));
        }
    }

    [Fact]
    public void The_dialects_write_instants_and_guids_as_their_string_forms_did()
    {
        var instant = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_500);
        var guid = Guid.CreateVersion7();
        Span<byte> destination = stackalloc byte[Math.Max(StoreDialect.MaxInstantLength, SqliteText.GuidLength)];

        var sqlite = StoreDialect.Sqlite.FormatInstant(instant, destination);
        Assert.Equal("2025-03-01 12:00:00.12345", Encoding.UTF8.GetString(destination[..sqlite]));
        var postgreSql = StoreDialect.PostgreSql.FormatInstant(instant, destination);
        Assert.Equal("2025-03-01T12:00:00.1234500Z", Encoding.UTF8.GetString(destination[..postgreSql]));
        var lower = StoreDialect.PostgreSql.FormatGuid(guid, destination);
        Assert.Equal(StoreDialect.PostgreSql.FormatGuid(guid), Encoding.UTF8.GetString(destination[..lower]));
    }
}
