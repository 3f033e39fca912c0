using System.Collections.Concurrent;
using System.Text;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Responses;

namespace StatusKit.AspNetCore.Embed;

/// <summary>
/// Builds <see cref="EmbedScript"/> for a page's accent (<see cref="Snapshots.PageSnapshot.AccentColor"/>, the only
/// thing of the page the script holds) and memoises its bytes and ETag per accent value, so serving it costs a lookup
/// and no string building. The memo holds at most <see cref="Capacity"/> accents (pages share one per colour, unbranded
/// pages one in all) and starts over when a new one would exceed that, so it cannot grow with accents changed over time.
/// </summary>
internal sealed class EmbedScripts
{
    /// <summary>How many accents the memo holds at most.</summary>
    public const int Capacity = 256;

    // The default accent, as the status page's own (PageStyles.Css): buttons in #0969da with white text.
    private static readonly AccentPalette Default = new("#0969da", "#ffffff", "#0550ae");
    private readonly ConcurrentDictionary<string, PreparedEmbed> _memo = new(StringComparer.Ordinal);

    /// <summary>The script for a page whose accent is <paramref name="accentColor"/> (null or not <c>#rrggbb</c>: the default look).</summary>
    public PreparedEmbed For(string? accentColor)
    {
        var key = accentColor ?? string.Empty;
        if (_memo.TryGetValue(key, out var prepared))
        {
            return prepared;
        }

        if (_memo.Count >= Capacity)
        {
            _memo.Clear();
        }

        return _memo.GetOrAdd(key, static k => Build(AccentPalette.Of(k) ?? Default));
    }

    /// <summary>The script with <paramref name="palette"/>'s colours, which are only ever <c>#</c> and six hex digits.</summary>
    public static PreparedEmbed Build(AccentPalette palette)
    {
        // The longer placeholder first: it contains the shorter one.
        var source = EmbedScript.Source
            .Replace(EmbedScript.OnAccentPlaceholder, palette.OnAccent, StringComparison.Ordinal)
            .Replace(EmbedScript.AccentPlaceholder, palette.Accent, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(source);
        return new PreparedEmbed(bytes, BodyEntityTag.Of(bytes));
    }
}
