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

    /// <summary>
    /// Only incidents not resolved before this instant, whenever they were created: the unresolved ones, and the resolved
    /// ones whose <see cref="StatusIncident.ResolvedAt"/> is at or after it (a resolved one without a resolution time by
    /// its <see cref="StatusIncident.CreatedAt"/>). Those are the incidents open at some moment from this instant on, as
    /// the status page's uptime bars need them. Default null, no filter. A custom store written before this filter existed
    /// ignores it and returns more incidents than asked; the page still files each one on the days it was open.
    /// </summary>
    public DateTimeOffset? NotResolvedBefore { get; init; }

    /// <summary>How many to skip (paging). Default 0.</summary>
    public int Skip { get; init; }

    /// <summary>How many to return at most. Default 50.</summary>
    public int Take { get; init; } = 50;
}
