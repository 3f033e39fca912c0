namespace StatusKit.AspNetCore;

/// <summary>
/// Remembers the prefix <c>MapStatusPages</c> mapped the pages under, so a second call fails at once with a message that
/// says what to do, instead of mapping the same endpoint names twice (which fails every request of the app, the host's
/// own included, when routing first builds its table).
/// </summary>
internal sealed class StatusPagesMapping
{
    private string? _prefix;

    /// <summary>The prefix the pages were mapped under (<c>/</c> at the root), or null before <c>MapStatusPages</c> ran.</summary>
    public string? Prefix => Volatile.Read(ref _prefix);

    /// <summary>Records <paramref name="prefix"/>; throws when the pages were already mapped.</summary>
    public void Claim(string prefix)
    {
        var first = Interlocked.CompareExchange(ref _prefix, prefix, null);
        if (first is not null)
        {
            throw new InvalidOperationException(
                $"MapStatusPages was already called, for '{first}'. StatusKit maps its pages once per app: its endpoints have fixed " +
                "names (for links and the OpenAPI document) and notifications link under the one StatusPagesOptions.PublicBaseAddress. " +
                $"To serve the pages under another path as well, call app.UsePathBase(\"/other\") before UseRouting (the pages then answer " +
                $"at /other{(first == "/" ? string.Empty : first)}/{{slug}} too, with links under the path used), or rewrite the path at your reverse proxy.");
        }
    }
}
