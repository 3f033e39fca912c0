using System.Text.Json;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary><see cref="CachetSchedulesDocument"/>: Cachet's GET /api/v1/schedules (with its components or without) read in StatusKit's terms.</summary>
public sealed class CachetSchedulesDocumentTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "TestData", "cachet");

    private static string Sample(string name) => File.ReadAllText(Path.Combine(Samples, name));

    private static CachetSchedules Read(string json, TimeZoneInfo? zone = null)
    {
        using var document = JsonDocument.Parse(json);
        return CachetSchedulesDocument.Read(document.RootElement, zone ?? TimeZoneInfo.Utc);
    }

    private static CachetSchedules WithComponents() => Read($$"""{"schedules": {{Sample("schedules.json")}}, "components": {{Sample("components.json")}}}""");

    [Fact]
    public void A_complete_schedule_is_a_completed_maintenance_that_ran_from_its_scheduled_at_to_its_completed_at()
    {
        var schedule = WithComponents().Maintenances[0];

        Assert.Equal(("cachet-12", "Storage firmware upgrade", MaintenanceState.Completed), (schedule.StatuspageId, schedule.Title, schedule.State));
        Assert.Equal("We will upgrade the **storage** firmware.", schedule.Description);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero), schedule.CreatedAt);
        Assert.Equal(
            (new DateTimeOffset(2025, 2, 10, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 2, 10, 3, 12, 0, TimeSpan.Zero)),
            (schedule.ScheduledFor, schedule.ScheduledUntil));
        Assert.Null(schedule.StartedAt); // Cachet keeps no real start: the window starts at its scheduled_at
        Assert.Equal(schedule.ScheduledUntil, schedule.CompletedAt);
        Assert.Equal(["Object store", "Block store"], schedule.ComponentNames);
    }

    [Fact]
    public void An_upcoming_schedule_is_a_scheduled_maintenance_planned_from_its_scheduled_at_to_its_completed_at()
    {
        var schedule = WithComponents().Maintenances[1];

        Assert.Equal(("cachet-11", MaintenanceState.Scheduled), (schedule.StatuspageId, schedule.State));
        Assert.Equal(
            (new DateTimeOffset(2030, 6, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 6, 1, 3, 0, 0, TimeSpan.Zero)),
            (schedule.ScheduledFor, schedule.ScheduledUntil));
        Assert.Null(schedule.StartedAt);
        Assert.Null(schedule.CompletedAt);
        Assert.Equal(["Object store"], schedule.ComponentNames);
        Assert.True(schedule.NotifySubscribers);
    }

    [Fact]
    public void In_progress_and_overdue_schedules_are_read_for_the_import_to_skip()
    {
        var read = WithComponents();

        Assert.Equal(["cachet-12", "cachet-11", "cachet-10", "cachet-9"], read.Maintenances.Select(m => m.StatuspageId));
        Assert.Equal(MaintenanceState.InProgress, read.Maintenances[2].State);
        Assert.Null(read.Maintenances[2].Description);
        Assert.Equal((MaintenanceState.Scheduled, new DateTimeOffset(2025, 1, 15, 22, 0, 0, TimeSpan.Zero)), (read.Maintenances[3].State, read.Maintenances[3].ScheduledFor));
    }

    [Fact]
    public void An_upcoming_schedule_without_an_end_is_left_out_as_invalid_and_a_deleted_one_as_not_public()
    {
        var read = WithComponents();

        Assert.Equal(
            [("cachet-8", "Certificate rotation", MaintenanceImportSkipReason.Invalid), ("cachet-7", "Old drill", MaintenanceImportSkipReason.NotPublic)],
            read.LeftOut.Select(s => (s.StatuspageId, s.Name, s.Reason)));
        Assert.StartsWith("completed_at: ", read.LeftOut[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_schedule_without_an_end_is_left_out_as_invalid()
    {
        var read = Read("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""");

        Assert.Empty(read.Maintenances);
        var skipped = Assert.Single(read.LeftOut);
        Assert.Equal(("cachet-1", MaintenanceImportSkipReason.Invalid), (skipped.StatuspageId, skipped.Reason));
        Assert.StartsWith("completed_at: ", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_components_the_ids_it_lacks_are_named_and_without_them_every_id_is()
    {
        var linked = WithComponents();
        var alone = Read(Sample("schedules.json"));

        Assert.True(linked.ComponentsGiven);
        Assert.Equal(["9"], linked.ComponentsNotFound);
        Assert.False(alone.ComponentsGiven);
        Assert.All(alone.Maintenances, m => Assert.Empty(m.ComponentNames));
        Assert.Equal(["2", "3", "9", "1"], alone.ComponentsNotFound);
    }

    [Fact]
    public void Times_without_offset_are_read_on_the_clock_of_the_zone_given()
    {
        var schedule = Read(Sample("schedules.json"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Maintenances[0];

        Assert.Equal(new DateTimeOffset(2025, 2, 10, 1, 0, 0, TimeSpan.Zero), schedule.ScheduledFor.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 2, 10, 2, 12, 0, TimeSpan.Zero), schedule.ScheduledUntil.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 8, 0, 0, TimeSpan.Zero), schedule.CreatedAt.ToUniversalTime());
    }

    [Fact]
    public void A_time_the_clocks_skip_is_the_instant_an_hour_later_on_the_clock_so_a_window_across_the_change_keeps_its_length()
    {
        // Berlin's clocks go from 02:00 to 03:00 on 2025-03-30: 02:30 does not exist there; Cachet (PHP) takes it as 03:30 CEST.
        const string json = """{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-03-30 01:30:00","completed_at":"2025-03-30 02:30:00","created_at":"2025-03-01 00:00:00"}]}""";

        var schedule = Assert.Single(Read(json, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Maintenances);

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 0, 30, 0, TimeSpan.Zero), schedule.ScheduledFor.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), schedule.ScheduledUntil.ToUniversalTime());
    }

    [Fact]
    public void A_time_the_clocks_show_twice_is_read_as_the_first_one_on_summer_time_as_PHP_reads_it()
    {
        // Berlin's clocks go back from 03:00 to 02:00 on 2025-10-26: 02:30 happens at 00:30 and at 01:30 UTC. PHP's
        // DateTime (Cachet's Carbon) takes the daylight offset in the repeated hour: the first.
        const string json = """{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-10-26 02:30:00","completed_at":"2025-10-26 03:30:00","created_at":"2025-10-01 00:00:00"}]}""";

        var schedule = Assert.Single(Read(json, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Maintenances);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), schedule.ScheduledFor.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 2, 30, 0, TimeSpan.Zero), schedule.ScheduledUntil.ToUniversalTime());
    }

    [Theory]
    [InlineData("""{"data":[{"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""", "data[0].id")]
    [InlineData("""{"data":[{"id":1,"status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""", "data[0].name")]
    [InlineData("""{"data":[{"id":1,"name":" ","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""", "data[0].name")]
    [InlineData("""{"data":[{"id":1,"name":"N","scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""", "data[0].status")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":3,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""", "data[0].status")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":"Complete","scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}""", "data[0].status")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"created_at":"2024-12-01 00:00:00"}]}""", "data[0].scheduled_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"tomorrow","created_at":"2024-12-01 00:00:00"}]}""", "data[0].scheduled_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","completed_at":5,"created_at":"2024-12-01 00:00:00"}]}""", "data[0].completed_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00"}]}""", "data[0].created_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","deleted_at":true}]}""", "data[0].deleted_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","message":7}]}""", "data[0].message")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","components":{}}]}""", "data[0].components")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","components":[3]}]}""", "data[0].components[0]")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","components":[{"id":3}]}]}""", "data[0].components[0].component_id")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","components":[{"component_id":"api"}]}]}""", "data[0].components[0].component_id")]
    [InlineData("""{"schedules":{"data":[]},"components":{"data":[{"id":1}]}}""", "components.data[0].name")]
    [InlineData("""{"schedules":{"data":[{"id":1}]}}""", "schedules.data[0].name")]
    [InlineData("""{"schedules":[]}""", "schedules")]
    [InlineData("""{"data":[],"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}}}""", "meta.pagination")]
    [InlineData("""{"meta":{}}""", "data")]
    [InlineData("[]", "body")]
    public void A_member_missing_or_wrong_is_refused_naming_its_json_path(string json, string field)
    {
        var error = Assert.Throws<StatusKitValidationException>(() => Read(json));

        Assert.Equal(field, error.Field);
    }
}
