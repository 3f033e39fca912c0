namespace StatusKit.Model;

/// <summary>The severity of a public status incident.</summary>
public enum StatusIncidentSeverity
{
    /// <summary>Implies Degraded Performance for the named components.</summary>
    Minor = 0,

    /// <summary>Implies Partial Outage for the named components.</summary>
    Major = 1,

    /// <summary>Implies Major Outage for the named components.</summary>
    Critical = 2,
}
