using System.Text.Json.Serialization;

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

    /// <summary>A new custom domain (an empty string clears it); see <see cref="CreateStatusPage.CustomDomain"/>.</summary>
    public string? CustomDomain { get; init; }

    /// <summary>A new homepage URL (an empty string clears it); see <see cref="CreateStatusPage.HomepageUrl"/>.</summary>
    public string? HomepageUrl { get; init; }

    /// <summary>A new logo URL (an empty string clears it); see <see cref="CreateStatusPage.LogoUrl"/>.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>A new accent colour, <c>#rrggbb</c> (an empty string clears it: the default look).</summary>
    public string? AccentColor { get; init; }

    /// <summary>A new language (an empty string clears it: English); see <see cref="CreateStatusPage.Language"/>.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The <see cref="Model.StatusPage.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given and no longer
    /// stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when null, a concurrent
    /// change is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
