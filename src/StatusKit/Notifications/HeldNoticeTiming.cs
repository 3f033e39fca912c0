namespace StatusKit.Notifications;

/// <summary>
/// The times of a notice held back until the end of maintenance once that end moves (pure; the rules of
/// <see cref="Abstractions.IStatusStore.RescheduleHeldNotificationsAsync"/>): timed as the planner times a notice created
/// with the new end (<see cref="NotificationPlanner"/>: its deadline the later of its creation plus the maximum delay and
/// its due time), the debounce counted from the notice's latest change.
/// </summary>
internal static class HeldNoticeTiming
{
    /// <summary>The row due at <paramref name="dueAt"/> instead of the end it was held until.</summary>
    /// <param name="row">The held row.</param>
    /// <param name="dueAt">The new end (or now, when no window covers its component any more).</param>
    /// <param name="debounce">The least time after its latest change the row becomes due.</param>
    /// <param name="maxDelay">The longest it is held after its creation besides the hold.</param>
    public static Notification Moved(Notification row, DateTimeOffset dueAt, TimeSpan debounce, TimeSpan maxDelay)
    {
        var due = Later(dueAt, LatestChange(row) + debounce);
        return row with { DueAt = due, NotAfter = row.NotAfter is null ? null : Later(row.CreatedAt + maxDelay, due) };
    }

    /// <summary>When the latest change a row tells happened: its creation, or the later change merged into it.</summary>
    public static DateTimeOffset LatestChange(Notification row) => Later(row.CreatedAt, row.Content.OccurredAt);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
