namespace StatusKit.Services;

/// <summary>What a new status page needs.</summary>
public sealed record CreateStatusPage
{
    /// <summary>The page name (required, at most 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The slug; when null, the lowercase hyphenated name plus 8 random hex characters.</summary>
    public string? Slug { get; init; }

    /// <summary>Whether the page is public. Default true.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>The owning team, if any.</summary>
    public string? TeamId { get; init; }

    /// <summary>The IANA time zone for display. Default <c>UTC</c>.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Who creates the page.</summary>
    public string? CreatedBy { get; init; }
}
