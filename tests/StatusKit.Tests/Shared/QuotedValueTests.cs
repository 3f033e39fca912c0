using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Testing;

namespace StatusKit.Tests.Shared;

/// <summary>
/// A refusal quotes a value the client sent at most 40 characters long, then "…": one helper for the core and the web
/// layer, including where the parsers hold a piece of a value as a span.
/// </summary>
public sealed class QuotedValueTests
{
    private static readonly string Long = new('x', 5_000);

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("week", "week")]
    public void A_short_value_is_quoted_whole(string? value, string expected) => Assert.Equal(expected, QuotedValue.Of(value));

    [Fact]
    public void A_long_value_is_cut_to_40_characters_and_an_ellipsis_as_a_string_or_a_span()
    {
        var expected = new string('x', 40) + "…";

        Assert.Equal((expected, expected), (QuotedValue.Of(Long), QuotedValue.Of(Long.AsSpan())));
        Assert.Equal(new string('x', 40), QuotedValue.Of(new string('x', 40).AsSpan()));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var value = new string('x', 39) + "\U0001F525" + "tail";

        Assert.Equal(new string('x', 39) + "…", QuotedValue.Of(value));
    }

    [Theory]
    [InlineData("FREQ=DAILY;BYHOUR=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,X")]
    [InlineData("FREQ=DAILY;" + "WKST=MOXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    public void A_recurrence_that_does_not_parse_is_quoted_short_with_its_part(string recurrence)
    {
        var start = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

        var ex = Assert.Throws<StatusKitValidationException>(
            () => ScheduleValidator.Validate(start, start.AddHours(1), "UTC", recurrence + Long, [], start.AddDays(-1)));

        Assert.DoesNotContain(new string('X', 41), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 41), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recurrence_whose_occurrences_overlap_is_quoted_short()
    {
        var start = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
        const string Hourly = "FREQ=HOURLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=0";

        var ex = Assert.Throws<StatusKitValidationException>(
            () => ScheduleValidator.Validate(start, start.AddHours(2), "UTC", Hourly, [], start.AddDays(-1)));

        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'" + Hourly[..40] + "…'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_memory_stores_refusal_of_a_second_subscriber_for_a_destination_quotes_it_short()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, CancellationToken.None);
        var destination = "https://hooks.example.com/" + new string('p', 1_500);
        await store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, destination), [], CancellationToken.None);

        var ex = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, destination), [], CancellationToken.None));

        Assert.DoesNotContain(new string('p', 41), ex.Message, StringComparison.Ordinal);
    }
}
