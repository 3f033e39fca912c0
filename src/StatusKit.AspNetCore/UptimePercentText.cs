using System.Globalization;

namespace StatusKit.AspNetCore;

/// <summary>
/// How an uptime percentage is shown, on the HTML page's bars and on the uptime badge alike: two decimals, but never
/// rounded up to 100 % when there was downtime, nor down to 0 % when there was uptime.
/// </summary>
internal static class UptimePercentText
{
    /// <summary>The figure shown for <paramref name="percent"/> (0-100): rounded to two decimals, kept off 100 and 0 it did not reach.</summary>
    public static double Shown(double percent)
    {
        var shown = Math.Round(percent, 2);
        if (shown >= 100 && percent < 100)
        {
            shown = 99.99;
        }
        else if (shown <= 0 && percent > 0)
        {
            shown = 0.01;
        }

        return shown;
    }

    /// <summary><paramref name="percent"/> as shown, with its sign: <c>99.95%</c>, <c>100%</c>, <c>99.9%</c>.</summary>
    public static string Format(double percent) => Shown(percent).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
