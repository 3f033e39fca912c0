namespace StatusKit.Model;

/// <summary>The state of a public status incident, as its updates tell it.</summary>
public enum StatusIncidentState
{
    /// <summary>Looking into it.</summary>
    Investigating = 0,

    /// <summary>The cause is known.</summary>
    Identified = 1,

    /// <summary>A fix is out; watching.</summary>
    Monitoring = 2,

    /// <summary>Over.</summary>
    Resolved = 3,
}
