using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>A filter for listing public status incidents of a page, newest first.</summary>
public sealed record StatusIncidentQuery
{
    /// <summary>Only incidents in this state.</summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>Only unresolved (true) or resolved (false) incidents.</summary>
    public bool? Unresolved { get; init; }

    /// <summary>Only incidents created at or after this instant.</summary>
    public DateTimeOffset? CreatedSince { get; init; }

    /// <summary>How many to skip (paging). Default 0.</summary>
    public int Skip { get; init; }

    /// <summary>How many to return at most. Default 50.</summary>
    public int Take { get; init; } = 50;
}
