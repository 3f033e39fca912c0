using StatusKit.AspNetCore.Api;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A window as the Statuspage documents show it: <c>updated_at</c> follows its edits (a client that watches it sees a
/// reschedule or an extension), and <c>started_at</c> is its creation, as Statuspage writes a maintenance's.
/// </summary>
public sealed class StatuspageMaintenanceMappingTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 9, 5, 40, TimeSpan.Zero);
    private static readonly Guid WindowId = Guid.CreateVersion7(Created);
    private static readonly DateTimeOffset Start = Created.AddDays(2);

    [Fact]
    public void A_scheduled_window_edited_after_its_creation_is_updated_at_the_edit_and_started_at_its_creation()
    {
        var edited = Created.AddMinutes(42);

        var shown = Mapper().Maintenance(Occurrence(MaintenanceState.Scheduled, updatedAt: edited));

        Assert.Equal(edited, shown.UpdatedAt);
        Assert.Equal(Created, shown.CreatedAt);
        Assert.Equal(Created, shown.StartedAt);
        Assert.Equal(Start, shown.ScheduledFor);
    }

    [Theory]
    [InlineData(MaintenanceState.Scheduled)]
    [InlineData(MaintenanceState.InProgress)]
    public void An_occurrence_from_a_snapshot_made_before_its_change_time_was_kept_keeps_the_earlier_guess(MaintenanceState state)
    {
        var shown = Mapper().Maintenance(Occurrence(state, updatedAt: null));

        Assert.Equal(state == MaintenanceState.InProgress ? Start : Created, shown.UpdatedAt);
    }

    private static StatuspageMapper Mapper() => new(RenderedSnapshots.Empty(), "https://status.example.com/status/acme");

    private static MaintenanceOccurrence Occurrence(MaintenanceState state, DateTimeOffset? updatedAt) =>
        new(WindowId, "Database upgrade", null, Start, Start.AddHours(1), state, [], null, "UTC", updatedAt);
}
