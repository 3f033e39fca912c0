namespace StatusKit.Uptime;

/// <summary>Per-day uptime of components and pages, in the page's time zone, from the status history.</summary>
public interface IUptimeService
{
    /// <summary>The uptime of one component over the last <paramref name="days"/> days (default 90). Null when the component does not exist.</summary>
    Task<ComponentUptime?> GetUptimeAsync(Guid componentId, int days = 90, CancellationToken cancellationToken = default);

    /// <summary>The uptime of every component of a page, and the page aggregate. Null when the page does not exist.</summary>
    Task<PageUptime?> GetPageUptimeAsync(Guid pageId, int days = 90, CancellationToken cancellationToken = default);
}
