namespace StatusKit.Services;

/// <summary>Changes to a page; a null property leaves that field as it is.</summary>
public sealed record UpdateStatusPage
{
    /// <summary>A new name.</summary>
    public string? Name { get; init; }

    /// <summary>A new description (an empty string clears it).</summary>
    public string? Description { get; init; }

    /// <summary>A new slug.</summary>
    public string? Slug { get; init; }

    /// <summary>A new owning team (an empty string clears it).</summary>
    public string? TeamId { get; init; }

    /// <summary>A new display time zone.</summary>
    public string? TimeZoneId { get; init; }
}
