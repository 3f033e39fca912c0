namespace StatusKit.Status;

/// <summary>The Statuspage-style indicator of a page's overall status.</summary>
public enum StatusIndicator
{
    /// <summary>Everything is operational (<c>none</c>).</summary>
    None = 0,

    /// <summary>Maintenance is in progress and nothing is worse (<c>maintenance</c>).</summary>
    Maintenance = 1,

    /// <summary>Degraded performance somewhere (<c>minor</c>).</summary>
    Minor = 2,

    /// <summary>A partial outage somewhere (<c>major</c>).</summary>
    Major = 3,

    /// <summary>A major outage somewhere (<c>critical</c>).</summary>
    Critical = 4,
}
