using System.Text;
using StatusKit.AspNetCore.Feeds;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>maintenance.ics</c> as a strict RFC 5545 client reads it: rules in canonical form with UTC UNTIL, wall times the
/// clocks show twice written unambiguously, time zones covering every instant named, and no event at the planned start
/// of an occurrence already run early.
/// </summary>
public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("FREQ=DAILY;\r\nCOUNT=5", "FREQ=DAILY;COUNT=5")]
    [InlineData("FREQ=DAILY; COUNT=5", "FREQ=DAILY;COUNT=5")]
    [InlineData("FREQ=DAILY;COUNT=5;", "FREQ=DAILY;COUNT=5")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO,\tTU", "FREQ=WEEKLY;BYDAY=MO,TU")]
    [InlineData("freq=weekly;byday=tu,mo", "FREQ=WEEKLY;BYDAY=MO,TU")]
    public void Rule_is_written_in_canonical_form_whatever_spacing_it_was_stored_with(string stored, string written)
    {
        var calendar = Write(Window("UTC", new(2026, 12, 10, 7, 0, 0, TimeSpan.Zero)) with { Recurrence = stored });

        Assert.Contains($"\r\nRRULE:{written}\r\n", calendar, StringComparison.Ordinal);
        Assert.All(Lines(calendar), line => Assert.Contains(':', line));
    }

    [Theory]
    [InlineData("Europe/London", "20261215T235959Z")]
    [InlineData("America/New_York", "20261216T045959Z")]
    [InlineData("Asia/Tokyo", "20261215T145959Z")]
    [InlineData("UTC", "20261215T235959Z")]
    public void Until_date_is_the_utc_instant_of_that_days_last_second_on_the_windows_wall_clock(string zone, string until)
    {
        var calendar = Write(Window(zone, new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero)) with { Recurrence = "FREQ=DAILY;UNTIL=20261215" });

        Assert.Contains($"\r\nRRULE:FREQ=DAILY;UNTIL={until}\r\n", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_in_the_second_pass_of_a_repeated_hour_is_written_in_utc()
    {
        // 01:30 happens twice in New York on 7 November 2027; 06:30Z is the second (EST), which a TZID time would not name.
        var second = Window("America/New_York", new(2027, 11, 7, 6, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(45));

        var calendar = Write(second);

        Assert.Contains("\r\nDTSTART:20271107T063000Z\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=America/New_York:20271107T021500\r\n", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_in_the_first_pass_of_a_repeated_hour_keeps_its_wall_time()
    {
        var first = Window("America/New_York", new(2027, 11, 7, 5, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(45));

        var calendar = Write(first);

        Assert.Contains("\r\nDTSTART;TZID=America/New_York:20271107T013000\r\n", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_zone_covers_a_series_begun_in_an_earlier_year()
    {
        var series = Window("Europe/Berlin", new(2025, 7, 6, 8, 0, 0, TimeSpan.Zero)) with { Recurrence = "FREQ=WEEKLY;BYDAY=SU" };

        var calendar = Write(series);

        // Summer time of 2025 (the first occurrence) and the winter time from October 2025 to March 2026 are both named.
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT", calendar, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_zone_without_daylight_saving_time_has_one_standard_observance()
    {
        var calendar = Write(Window("Asia/Tokyo", new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero)));

        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public void Occurrence_run_early_is_not_shown_again_at_its_planned_start()
    {
        // Weekly on Sundays at 02:00 New York from 6 December; 13 December excluded; the 6 December occurrence was
        // started and completed on 25 November, so the window's next occurrence is 20 December.
        var series = Window("America/New_York", new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero)) with
        {
            Recurrence = "FREQ=WEEKLY;BYDAY=SU;COUNT=30",
            ExcludedOccurrences = [new DateTime(2026, 12, 13, 2, 0, 0)],
            OccurrenceStartsAt = new(2026, 12, 20, 7, 0, 0, TimeSpan.Zero),
            OccurrenceEndsAt = new(2026, 12, 20, 8, 0, 0, TimeSpan.Zero),
            UpdatedAt = Now,
        };

        var calendar = Write(series);

        Assert.Contains("\r\nEXDATE;TZID=America/New_York:20261206T020000,20261213T020000\r\n", Unfolded(calendar), StringComparison.Ordinal);
    }

    [Fact]
    public void Occurrences_run_at_their_planned_times_stay_in_the_series()
    {
        // The 6 December occurrence ran as planned and ended at 08:00Z, when the window moved on to 13 December.
        var series = Window("America/New_York", new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero)) with
        {
            Recurrence = "FREQ=WEEKLY;BYDAY=SU",
            OccurrenceStartsAt = new(2026, 12, 13, 7, 0, 0, TimeSpan.Zero),
            OccurrenceEndsAt = new(2026, 12, 13, 8, 0, 0, TimeSpan.Zero),
            UpdatedAt = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero),
        };

        var calendar = Write(series);

        Assert.DoesNotContain("EXDATE", calendar, StringComparison.Ordinal);
    }

    private static MaintenanceWindow Window(string zone, DateTimeOffset start, TimeSpan? duration = null)
    {
        var end = start + (duration ?? TimeSpan.FromHours(1));
        return new MaintenanceWindow
        {
            Id = Guid.Parse("0199a1b2-0000-7000-8000-000000000001"),
            PageId = Guid.Parse("0199a1b2-0000-7000-8000-000000000002"),
            Title = "Upgrade",
            StartsAt = start,
            EndsAt = end,
            OccurrenceStartsAt = start,
            OccurrenceEndsAt = end,
            TimeZoneId = zone,
            CreatedAt = Now.AddDays(-1),
            UpdatedAt = Now.AddDays(-1),
        };
    }

    private static string Write(MaintenanceWindow window) =>
        Encoding.UTF8.GetString(CalendarWriter.Write("Acme", [window], "https://status.example/status/acme", Now));

    private static string Unfolded(string calendar) => calendar.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    private static string[] Lines(string calendar) =>
        Unfolded(calendar).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
