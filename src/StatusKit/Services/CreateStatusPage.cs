namespace StatusKit.Services;

/// <summary>What a new status page needs.</summary>
public sealed record CreateStatusPage
{
    /// <summary>The page name (required, at most 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The slug: 1 to 100 lowercase letters, digits and single hyphens, but not <c>admin</c> (the admin API's path); when
    /// null, the lowercase hyphenated name plus 8 random hex characters.
    /// </summary>
    public string? Slug { get; init; }

    /// <summary>Whether the page is public. Default true.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>The owning team, if any.</summary>
    public string? TeamId { get; init; }

    /// <summary>The IANA time zone for display. Default <c>UTC</c>.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>
    /// The organisation's website, which the page's name and logo link to and its footer links back to: an absolute
    /// <c>http</c> or <c>https</c> URL without user name or password, at most 2048 characters. Optional.
    /// </summary>
    public string? HomepageUrl { get; init; }

    /// <summary>
    /// The logo shown in the page's header in place of the name (the name is its alternative text): an absolute
    /// <c>https</c> URL without user name or password, at most 2048 characters. Optional.
    /// </summary>
    public string? LogoUrl { get; init; }

    /// <summary>The accent colour of links, buttons and the header's rule, as <c>#rrggbb</c> (any case). Optional: the default look.</summary>
    public string? AccentColor { get; init; }

    /// <summary>
    /// The page's own domain, such as <c>status.example.com</c>: a DNS host name (an internationalised name is stored in
    /// its ASCII <c>xn--</c> form, and any name in lowercase), without scheme, port or path, not an IP address, and not
    /// another page's. Optional.
    /// </summary>
    public string? CustomDomain { get; init; }

    /// <summary>
    /// The language of the page's fixed texts: one of <see cref="Model.PageLanguages.Supported"/> (<c>en</c>, <c>de</c>,
    /// <c>fr</c>, <c>es</c>; any case). Optional: English.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>
    /// Who creates the page. When null, the caller the audit log names for this change: the signed-in admin on the admin
    /// API (<see cref="StatusKit.Audit.IAuditActorAccessor"/>), else <c>system</c>.
    /// </summary>
    public string? CreatedBy { get; init; }
}
