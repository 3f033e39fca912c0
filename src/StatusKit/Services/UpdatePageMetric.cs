using System.Text.Json.Serialization;

namespace StatusKit.Services;

/// <summary>Changes to a page metric; a null property leaves that field as it is (an empty suffix or description clears it).</summary>
public sealed record UpdatePageMetric
{
    /// <summary>A new name (unique on the page ignoring case, at most 100 characters).</summary>
    public string? Name { get; init; }

    /// <summary>A new unit (at most 20 characters); empty for none.</summary>
    public string? Suffix { get; init; }

    /// <summary>A new description (at most 1,000 characters); empty for none.</summary>
    public string? Description { get; init; }

    /// <summary>A new place among the page's metrics.</summary>
    public int? DisplayOrder { get; init; }

    /// <summary>A new number of decimals, 0 to 4.</summary>
    public int? Decimals { get; init; }

    /// <summary>Show or hide it.</summary>
    public bool? Visible { get; init; }

    /// <summary>
    /// The <see cref="Model.PageMetric.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given and
    /// no longer stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when null, a
    /// concurrent change is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
