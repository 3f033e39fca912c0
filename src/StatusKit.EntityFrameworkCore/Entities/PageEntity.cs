using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of a <see cref="StatusPage"/>.</summary>
internal sealed class PageEntity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>The page's own host name, lowercase (so the unique index compares as the model does), or null.</summary>
    public string? CustomDomain { get; set; }

    public bool IsPublic { get; set; }

    public string? AccessTokenHash { get; set; }

    public string? TeamId { get; set; }

    public string TimeZoneId { get; set; } = "UTC";

    public string? CreatedBy { get; set; }

    public string? HomepageUrl { get; set; }

    public string? LogoUrl { get; set; }

    public string? AccentColor { get; set; }

    public string? Language { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The optimistic-concurrency version (a concurrency token: EF's own updates of the row check it).</summary>
    public long Version { get; set; }

    public static PageEntity From(StatusPage page)
    {
        var entity = new PageEntity { Id = page.Id, Version = 1 };
        entity.CopyFrom(page);
        return entity;
    }

    public void CopyFrom(StatusPage page)
    {
        Name = page.Name;
        Description = page.Description;
        Slug = page.Slug;
        CustomDomain = page.CustomDomain;
        IsPublic = page.IsPublic;
        AccessTokenHash = page.AccessTokenHash;
        TeamId = page.TeamId;
        TimeZoneId = page.TimeZoneId;
        CreatedBy = page.CreatedBy;
        HomepageUrl = page.HomepageUrl;
        LogoUrl = page.LogoUrl;
        AccentColor = page.AccentColor;
        Language = page.Language;
        CreatedAt = Instants.ToStore(page.CreatedAt);
        UpdatedAt = Instants.ToStore(page.UpdatedAt);
    }

    public StatusPage ToModel() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        Slug = Slug,
        CustomDomain = CustomDomain,
        IsPublic = IsPublic,
        AccessTokenHash = AccessTokenHash,
        TeamId = TeamId,
        TimeZoneId = TimeZoneId,
        CreatedBy = CreatedBy,
        HomepageUrl = HomepageUrl,
        LogoUrl = LogoUrl,
        AccentColor = AccentColor,
        Language = Language,
        CreatedAt = Instants.FromStore(CreatedAt),
        UpdatedAt = Instants.FromStore(UpdatedAt),
        Version = Version,
    };
}
