using System.Net.Http.Headers;

namespace StatusKit.Notifications.Http;

/// <summary>
/// The rules every chat notifier's options meet (Slack, Teams, Discord): a timeout above zero and at most five minutes, a
/// User-Agent that is a valid product token, and a link label that is not blank.
/// </summary>
internal static class ChatOptionsRules
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Every failure of the three values, each naming its option and value.</summary>
    public static List<string> Check(TimeSpan timeout, string userAgent, string linkText)
    {
        var failures = new List<string>();
        if (timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            failures.Add($"Timeout must be greater than zero and at most {MaxTimeout}; it is {timeout}.");
        }

        if (string.IsNullOrWhiteSpace(userAgent) || !ProductInfoHeaderValue.TryParse(userAgent, out _))
        {
            failures.Add($"UserAgent must be a valid User-Agent product token such as 'MyHost/1.0'; it is '{userAgent}'.");
        }

        if (string.IsNullOrWhiteSpace(linkText))
        {
            failures.Add($"LinkText must not be empty; it is '{linkText}'.");
        }

        return failures;
    }
}
