namespace StatusKit.AspNetCore;

/// <summary>
/// The colours the HTML pages (the status page, its incident, maintenance and history pages, and the subscription
/// pages) are shown in (<see cref="StatusPageEndpointOptions.ColorScheme"/>). The badge and the status embed are not
/// affected: the badge has one look, and the embed follows the reader's setting on the host's own site.
/// </summary>
public enum PageColorScheme
{
    /// <summary>The reader's setting: dark where the browser or system prefers it (<c>prefers-color-scheme: dark</c>), else light.</summary>
    Auto = 0,

    /// <summary>Always light, whatever the reader prefers (the look before dark mode existed).</summary>
    Light = 1,

    /// <summary>Always dark, whatever the reader prefers.</summary>
    Dark = 2,
}
