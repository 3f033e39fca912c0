using StatusKit.AspNetCore.Html;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary>An incident is filed under every day of the page's time zone it was open on, for each component it names.</summary>
public sealed class UptimeIncidentsTests
{
    private static readonly Guid Ledger = Guid.NewGuid();
    private static readonly Guid Billing = Guid.NewGuid();
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Fact]
    public void An_incident_is_filed_under_the_pages_local_day_not_the_utc_one()
    {
        // 20:00 UTC on 2 March is 09:00 on 3 March in Auckland (UTC+13 in March).
        var incident = Incident(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), Ledger);

        var days = UptimeIncidents.From([incident], Auckland, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), 90);

        Assert.Equal([incident], days.On(Ledger, new DateOnly(2026, 3, 3)));
        Assert.Empty(days.On(Ledger, new DateOnly(2026, 3, 2)));
        Assert.Empty(days.On(Billing, new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void An_incident_open_across_midnight_is_filed_under_each_day_and_an_unresolved_one_up_to_today()
    {
        var resolved = Incident(new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(27), Ledger, Billing);
        var open = Incident(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), null, Billing);

        var days = UptimeIncidents.From([open, resolved, resolved], TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero), 90);

        Assert.Equal([resolved], days.On(Ledger, new DateOnly(2026, 3, 2)));
        Assert.Equal([resolved], days.On(Billing, new DateOnly(2026, 3, 4)));
        Assert.Empty(days.On(Ledger, new DateOnly(2026, 3, 5)));
        Assert.Equal([open], days.On(Billing, new DateOnly(2026, 3, 10)));
        Assert.Empty(days.On(Billing, new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void A_cut_read_leaves_the_days_up_to_the_local_day_of_its_oldest_incident_incomplete()
    {
        // 11:30 UTC on 5 March is 00:30 on 6 March in Auckland: the cut's day there is the 6th.
        var cut = new DateTimeOffset(2026, 3, 5, 11, 30, 0, TimeSpan.Zero);

        var days = UptimeIncidents.From([], Auckland, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), 90, missingUpTo: cut);
        var whole = UptimeIncidents.From([], Auckland, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), 90);

        Assert.False(days.IsComplete(new DateOnly(2026, 3, 1)));
        Assert.False(days.IsComplete(new DateOnly(2026, 3, 6)));
        Assert.True(days.IsComplete(new DateOnly(2026, 3, 7)));
        Assert.True(whole.IsComplete(new DateOnly(2026, 1, 1)));
    }

    private static StatusIncident Incident(DateTimeOffset createdAt, TimeSpan? resolvedAfter, params Guid[] components) => new()
    {
        Id = Guid.NewGuid(),
        PageId = Guid.Empty,
        Title = "Slow",
        Message = "Looking into it.",
        State = resolvedAfter is null ? StatusIncidentState.Investigating : StatusIncidentState.Resolved,
        ComponentIds = components,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        ResolvedAt = createdAt + resolvedAfter,
    };
}
