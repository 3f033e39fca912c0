using StatusKit.Shared;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The colours of the HTML pages in one scheme, light or dark, which <see cref="PageStyles.Css"/> uses only through the
/// custom properties <see cref="CustomProperties"/> declares, so a scheme is one <c>:root</c> rule (<see cref="PageTheme"/>).
/// The light one keeps the status colours the badge and the Discord notices share (<see cref="StatusColors"/>); the dark
/// one has lighter variants of them, which carry dark text on the banner. <see cref="TextPairs"/> names every text and
/// background colour the style sheet puts together, which a test holds to WCAG AA.
/// </summary>
internal sealed record PagePalette
{
    /// <summary>The light page's background, the darker of its two.</summary>
    public const string LightBackground = "#f6f8fa";

    /// <summary>The light page's cards, tooltips, form fields and toggles.</summary>
    public const string LightSurface = "#ffffff";

    /// <summary>The dark page's background.</summary>
    public const string DarkBackground = "#0d1117";

    /// <summary>The dark page's cards, tooltips, form fields and toggles, the lighter of its two.</summary>
    public const string DarkSurface = "#161b22";

    /// <summary>The light scheme: the page as it has always looked.</summary>
    public static readonly PagePalette Light = new()
    {
        Background = LightBackground,
        Surface = LightSurface,
        Text = "#1f2328",
        Muted = "#59636e",
        Line = "#d0d7de",
        FieldBorder = "#8c959f",
        NoData = "#818b98",
        OnStatus = "#ffffff",
        Operational = StatusColors.Operational,
        UnderMaintenance = StatusColors.UnderMaintenance,
        DegradedPerformance = StatusColors.DegradedPerformance,
        PartialOutage = StatusColors.PartialOutage,
        MajorOutage = StatusColors.MajorOutage,
        Accent = new AccentPalette("#0969da", "#ffffff", "#0550ae"),
    };

    /// <summary>The dark scheme, after GitHub's dark colours (as the status embed's dark card).</summary>
    public static readonly PagePalette Dark = new()
    {
        Background = DarkBackground,
        Surface = DarkSurface,
        Text = "#e6edf3",
        Muted = "#9198a1",
        Line = "#3d444d",
        FieldBorder = "#656c76",
        NoData = "#656d76",
        OnStatus = DarkBackground,
        Operational = "#3fb950",
        UnderMaintenance = "#4493f8",
        DegradedPerformance = "#d29922",
        PartialOutage = "#db6d28",
        MajorOutage = "#f85149",
        Accent = AccentPalette.OfDark(Light.Accent.Accent)!,
    };

    /// <summary>The page's background (<c>--bg</c>).</summary>
    public required string Background { get; init; }

    /// <summary>Cards, tooltips, form fields and toggles (<c>--surface</c>).</summary>
    public required string Surface { get; init; }

    /// <summary>Body text (<c>--fg</c>), on the background and on the surface.</summary>
    public required string Text { get; init; }

    /// <summary>Secondary text (<c>--muted</c>): descriptions, times, the legend, the footer.</summary>
    public required string Muted { get; init; }

    /// <summary>Borders and separators (<c>--line</c>).</summary>
    public required string Line { get; init; }

    /// <summary>The border of a text field (<c>--field</c>), which must stand out from the surface (3:1).</summary>
    public required string FieldBorder { get; init; }

    /// <summary>An uptime day without data (<c>--none</c>), with 3:1 against the background and the surface (a graphic that carries meaning).</summary>
    public required string NoData { get; init; }

    /// <summary>The text on a status colour: the banner's (<c>--on-status</c>).</summary>
    public required string OnStatus { get; init; }

    /// <summary>Operational (<c>--ok</c>): status text, the banner, uptime days, borders.</summary>
    public required string Operational { get; init; }

    /// <summary>Under maintenance (<c>--maint</c>).</summary>
    public required string UnderMaintenance { get; init; }

    /// <summary>Degraded performance, and a minor incident (<c>--minor</c>).</summary>
    public required string DegradedPerformance { get; init; }

    /// <summary>Partial outage, and a major incident (<c>--major</c>).</summary>
    public required string PartialOutage { get; init; }

    /// <summary>Major outage, and a critical incident (<c>--critical</c>).</summary>
    public required string MajorOutage { get; init; }

    /// <summary>The accent of a page without one of its own: buttons and the footer's links.</summary>
    public required AccentPalette Accent { get; init; }

    /// <summary>The status colours, least to most severe.</summary>
    public IReadOnlyList<string> StatusColours => [Operational, UnderMaintenance, DegradedPerformance, PartialOutage, MajorOutage];

    /// <summary>The <c>:root</c> rule that gives <see cref="PageStyles.Css"/> these colours.</summary>
    public string CustomProperties =>
        $":root{{--bg:{Background};--surface:{Surface};--fg:{Text};--muted:{Muted};--line:{Line};--field:{FieldBorder};--none:{NoData};" +
        $"--on-status:{OnStatus};--ok:{Operational};--maint:{UnderMaintenance};--minor:{DegradedPerformance};--major:{PartialOutage};" +
        $"--critical:{MajorOutage};{Accent.Declarations}}}";

    /// <summary>
    /// Every text colour the style sheet sets on each background it can stand on, with the contrast WCAG AA asks of it
    /// (4.5:1 for text; 3:1 for a field's border against the surface): body and secondary text and status names on the
    /// background and the surface, the banner's text on each status, and the accent's (<see cref="AccentPalette.TextPairs"/>).
    /// </summary>
    public IEnumerable<(string What, string Foreground, string Background, double Minimum)> TextPairs
    {
        get
        {
            foreach (var (name, ground) in new[] { ("background", Background), ("surface", Surface) })
            {
                yield return ($"text on the {name}", Text, ground, AccentPalette.TextContrast);
                yield return ($"muted text on the {name}", Muted, ground, AccentPalette.TextContrast);
                foreach (var status in StatusColours)
                {
                    yield return ($"status {status} on the {name}", status, ground, AccentPalette.TextContrast);
                }
            }

            foreach (var status in StatusColours)
            {
                yield return ($"banner text on {status}", OnStatus, status, AccentPalette.TextContrast);
            }

            yield return ("a field's border on the surface", FieldBorder, Surface, AccentPalette.UiContrast);

            foreach (var pair in Accent.TextPairs(Background, Surface))
            {
                yield return pair;
            }
        }
    }

    /// <summary>
    /// The graphics that carry meaning without text, on each background they can stand on, with the 3:1 WCAG 1.4.11 asks
    /// of them: an uptime day without data (<see cref="NoData"/>), which must not vanish into the card around the bar.
    /// </summary>
    public IEnumerable<(string What, string Foreground, string Background, double Minimum)> GraphicPairs =>
    [
        ("an uptime day without data on the background", NoData, Background, AccentPalette.UiContrast),
        ("an uptime day without data on the surface", NoData, Surface, AccentPalette.UiContrast),
    ];
}
