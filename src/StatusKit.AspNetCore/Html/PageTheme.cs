namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The colour scheme of an HTML page in its <c>head</c>: a <c>color-scheme</c> meta element, so the browser draws its
/// own parts (form controls, scroll bars, the canvas before the style sheet applies) to match, and the style sheet,
/// <see cref="PageStyles.Css"/> after the palette's custom properties (<see cref="PagePalette"/>). With
/// <see cref="PageColorScheme.Auto"/> the dark palette and the page's dark accent are set under
/// <c>@media (prefers-color-scheme: dark)</c>, so the reader's setting decides, without script; a scheme the operator
/// fixed sets only its own. Each scheme's sheet is built once.
/// </summary>
internal static class PageTheme
{
    // In dark, every link takes the accent's link colour (the browser's own blue is unreadable on the dark background);
    // a rule with a class (.home, .incident h3 a) still wins. The light page of an unbranded page keeps the browser's.
    private const string DarkRules = "a{color:var(--accent-text)}";

    private static readonly string LightSheet = PagePalette.Light.CustomProperties + PageStyles.Css;

    private static readonly string DarkSheet = PagePalette.Dark.CustomProperties + PageStyles.Css + DarkRules;

    private static readonly string AutoSheet =
        $"{LightSheet}@media (prefers-color-scheme:dark){{{PagePalette.Dark.CustomProperties}{DarkRules}}}";

    /// <summary>The style sheet of <paramref name="scheme"/> (an undefined value: <see cref="PageColorScheme.Auto"/>'s).</summary>
    public static string Sheet(PageColorScheme scheme) => scheme switch
    {
        PageColorScheme.Light => LightSheet,
        PageColorScheme.Dark => DarkSheet,
        _ => AutoSheet,
    };

    /// <summary>The content of the <c>color-scheme</c> meta element of <paramref name="scheme"/>.</summary>
    public static string MetaContent(PageColorScheme scheme) => scheme switch
    {
        PageColorScheme.Light => "light",
        PageColorScheme.Dark => "dark",
        _ => "light dark",
    };

    /// <summary>
    /// The custom properties a page's own accent sets in <paramref name="scheme"/> (<see cref="AccentPalette"/>): its
    /// light palette, its dark one, or both, the dark one under the media query; null without an accent.
    /// </summary>
    public static string? AccentProperties(string? accentColor, PageColorScheme scheme) => scheme switch
    {
        PageColorScheme.Light => AccentPalette.Of(accentColor)?.CustomProperties,
        PageColorScheme.Dark => AccentPalette.OfDark(accentColor)?.CustomProperties,
        _ => AccentPalette.Of(accentColor) is { } light
            ? $"{light.CustomProperties}@media (prefers-color-scheme:dark){{{AccentPalette.OfDark(accentColor)!.CustomProperties}}}"
            : null,
    };

    /// <summary>
    /// Writes the <c>color-scheme</c> meta element and the style sheet of <paramref name="scheme"/>, then the page's
    /// accent (<see cref="PageBrand.AccentStyle"/>), for the end of a document's <c>head</c>.
    /// </summary>
    public static HtmlWriter Styles(this HtmlWriter html, PageColorScheme scheme, string? accentColor) =>
        html.Raw("<meta name=\"color-scheme\" content=\"").Raw(MetaContent(scheme)).Raw("\"><style>").Raw(Sheet(scheme)).Raw("</style>")
            .AccentStyle(accentColor, scheme);
}
