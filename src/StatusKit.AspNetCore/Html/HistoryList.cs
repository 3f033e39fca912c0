namespace StatusKit.AspNetCore.Html;

/// <summary>
/// One page of a list the history page shows (its incidents, or its past maintenance): the entries of page
/// <see cref="PageNumber"/> (1 is the newest) and whether an older page exists.
/// </summary>
internal sealed record HistoryList<T>(IReadOnlyList<T> Entries, int PageNumber, bool HasOlder);
