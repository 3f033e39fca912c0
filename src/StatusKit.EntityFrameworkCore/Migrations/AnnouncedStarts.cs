using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// Marks the starts of the maintenance windows in progress whose started notice went out, the same on both providers:
/// each provider's migration only names how it writes true. Since this migration a start sets <c>announced_for</c> to the
/// occurrence's start when its started notice goes out and clears it when it does not
/// (<see cref="Model.MaintenanceWindow.AnnouncedFor"/>), and only the subscribers of a window marked so hear of a move of
/// its end or of its completion. A window in progress before it was started by a version that sent the started notice
/// whenever the window notified subscribers, so one that notifies them now is marked: its subscribers were told it
/// started (a window started silently and switched on since cannot be told apart, and is marked too, as that version
/// assumed). Its <c>Down</c> changes nothing: the older version does not read the mark of a window in progress.
/// </summary>
internal static class AnnouncedStarts
{
    public const string Table = "statuskit_maintenance_windows";

    /// <summary><c>MaintenanceState.InProgress</c>, as stored.</summary>
    private const int InProgress = 1;

    public static void Mark(MigrationBuilder migrationBuilder, string trueLiteral) =>
        migrationBuilder.Sql(
            $"UPDATE {Table} SET {AnnouncedForColumn.Column} = occurrence_starts_at WHERE state = {InProgress} AND notify_subscribers = {trueLiteral};");
}
