namespace StatusKit.Model;

/// <summary>A status page: a named, public or private set of components shown to customers.</summary>
public sealed record StatusPage
{
    /// <summary>The page id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page name shown in the banner.</summary>
    public required string Name { get; init; }

    /// <summary>An optional description shown under the name.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The organisation's own website (an absolute <c>http</c> or <c>https</c> URL of at most 2048 characters), or null.
    /// The page's name and logo link to it, and the footer links back to it ("Back to example.com").
    /// </summary>
    public string? HomepageUrl { get; init; }

    /// <summary>
    /// The organisation's logo (an absolute <c>https</c> URL of at most 2048 characters), or null. Shown in the header
    /// beside the name, with the name as its alternative text, so the page still reads when the image does not load.
    /// </summary>
    public string? LogoUrl { get; init; }

    /// <summary>
    /// The page's accent colour as <c>#rrggbb</c> (lowercase hex), or null for the default look. Links, buttons and
    /// the header's rule take it; text on it is black or white, whichever contrasts more.
    /// </summary>
    public string? AccentColor { get; init; }

    /// <summary>
    /// The page's own domain (such as <c>status.example.com</c>), or null. A host name in lowercase ASCII (an
    /// internationalised name in its <c>xn--</c> form), without scheme, port or path; unique across pages. With
    /// <c>StatusPageEndpointOptions.ServeCustomDomains</c> on, requests for this host are served the page at the root, and
    /// the page's absolute links (messages, feeds, the JSON API) point there.
    /// </summary>
    public string? CustomDomain { get; init; }

    /// <summary>The URL slug; unique across pages, lowercase letters, digits and hyphens.</summary>
    public required string Slug { get; init; }

    /// <summary>Whether anyone may read the page. A private page needs its access token.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>The SHA-256 hash (lowercase hex) of the page's access token, or null when none was generated.</summary>
    public string? AccessTokenHash { get; init; }

    /// <summary>The owning team in the host's incident platform, if any.</summary>
    public string? TeamId { get; init; }

    /// <summary>The IANA time zone used to display times on the page. Default <c>UTC</c>.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>
    /// The language of the page's fixed texts (its HTML page and its subscription pages), a tag of
    /// <see cref="PageLanguages.Supported"/> such as <c>de</c>, or null for English. Names, titles and messages the
    /// operator writes are shown as written.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Who created the page, as the host identifies users.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When the page was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the page was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version of the page's own fields (those <see cref="Abstractions.IStatusStore.UpdatePageAsync"/> writes). <see cref="Abstractions.IStatusStore.TouchPageAsync"/>, which records a change of the page's content in <see cref="UpdatedAt"/>, does not move it. A store adds the record at version 1 and accepts an update only
    /// when it carries the stored version, which it then increments (see <see cref="MaintenanceWindow.Version"/>).
    /// </summary>
    public long Version { get; init; }
}
