namespace StatusKit.Model;

/// <summary>The lifecycle state of an incident in the host's incident platform.</summary>
public enum PlatformIncidentState
{
    /// <summary>Raised and not yet taken.</summary>
    Triggered = 0,

    /// <summary>Someone is on it.</summary>
    Acknowledged = 1,

    /// <summary>Fixed.</summary>
    Resolved = 2,

    /// <summary>Closed.</summary>
    Closed = 3,
}
