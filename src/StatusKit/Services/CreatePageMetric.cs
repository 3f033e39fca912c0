namespace StatusKit.Services;

/// <summary>What a new page metric needs (<see cref="PageMetricService.CreateAsync"/>).</summary>
public sealed record CreatePageMetric
{
    /// <summary>The page that shows it.</summary>
    public required Guid PageId { get; init; }

    /// <summary>What readers see it as: required, at most 100 characters, unique on the page ignoring case.</summary>
    public required string Name { get; init; }

    /// <summary>The unit written after each value ("ms", "%"). Default none; at most 20 characters.</summary>
    public string? Suffix { get; init; }

    /// <summary>A sentence readers see under the name. Default none; at most 1,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Where it sits among the page's metrics, lower first. Default 0.</summary>
    public int DisplayOrder { get; init; }

    /// <summary>How many decimals its values are shown with, 0 to 4. Default 0.</summary>
    public int Decimals { get; init; }

    /// <summary>Whether the page shows it. Default true.</summary>
    public bool Visible { get; init; } = true;
}
