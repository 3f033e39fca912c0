namespace StatusKit.Model;

/// <summary>The component events a subscriber can ask to hear about.</summary>
[Flags]
public enum NotificationEvents
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A component changed to Degraded Performance; also the notices of a Minor public status incident until it is resolved.</summary>
    Degraded = 1,

    /// <summary>A component changed to Partial Outage or Major Outage; also the notices of a Major or Critical public status incident until it is resolved.</summary>
    Outage = 2,

    /// <summary>
    /// A component changed to Under Maintenance; also the notices of maintenance windows (scheduled, reminder, started,
    /// completed, cancelled, rescheduled), which alone tell the change of a window's components into and out of
    /// maintenance.
    /// </summary>
    Maintenance = 4,

    /// <summary>A component changed back to Operational; also a public status incident's resolution.</summary>
    Resolved = 8,

    /// <summary>Every event.</summary>
    All = Degraded | Outage | Maintenance | Resolved,
}
