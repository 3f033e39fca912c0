using System.Globalization;
using System.Text;
using StatusKit.AspNetCore.Texts;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The words of a page's uptime days that every component's bar repeats, made once per render instead of once per
/// component and day (a 200-component page has 18,000 days, over the same 90 dates): a date as a day's tip names it and
/// as its <c>data-day</c> carries it, an uptime figure as shown, a status's class, and the day texts parsed once.
/// </summary>
internal sealed class UptimeDayTexts(PageTexts texts)
{
    private static readonly Dictionary<ComponentStatus, string> DayClasses =
        Enum.GetValues<ComponentStatus>().ToDictionary(s => s, s => "d-" + s.ToApiName());

    private readonly Dictionary<DateOnly, (string Label, string Day)> _dates = [];
    private readonly Dictionary<double, string> _percents = [];

    /// <summary><see cref="PageTexts.UptimeDay"/>, parsed.</summary>
    public CompositeFormat UptimeDay { get; } = CompositeFormat.Parse(texts.UptimeDay);

    /// <summary><see cref="PageTexts.NoDataDay"/>, parsed.</summary>
    public CompositeFormat NoDataDay { get; } = CompositeFormat.Parse(texts.NoDataDay);

    /// <summary>The class of a day whose worst status is <paramref name="status"/> (<c>d-</c> and its API name).</summary>
    public static string DayClass(ComponentStatus status) => DayClasses.TryGetValue(status, out var css) ? css : "d-" + status.ToApiName();

    /// <summary><paramref name="date"/> in <see cref="PageTexts.DayFormat"/> (Label) and as <c>yyyy-MM-dd</c> (Day).</summary>
    public (string Label, string Day) Date(DateOnly date)
    {
        if (!_dates.TryGetValue(date, out var names))
        {
            _dates[date] = names = (date.ToString(texts.DayFormat, texts.Culture), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return names;
    }

    /// <summary><see cref="PageTexts.Percent"/> of <paramref name="percent"/>.</summary>
    public string Percent(double percent)
    {
        if (!_percents.TryGetValue(percent, out var shown))
        {
            _percents[percent] = shown = texts.Percent(percent);
        }

        return shown;
    }
}
