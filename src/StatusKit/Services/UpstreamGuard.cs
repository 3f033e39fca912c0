using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// The checks of a component's upstream (<see cref="Model.Component.UpstreamUrl"/>,
/// <see cref="Model.Component.UpstreamComponentId"/>): each returns the value to store (null for null, empty or blank,
/// which clears it) or throws a <see cref="StatusKitValidationException"/> that names the field and what it expects.
/// Only the URL's shape is checked here; the addresses it resolves to are checked on every fetch, by the same guard the
/// webhook notifiers use (<see cref="Notifications.Http.WebhookAddressGuard"/>).
/// </summary>
internal static class UpstreamGuard
{
    /// <summary>The JSON and field name of the URL.</summary>
    public const string UrlField = "upstreamUrl";

    /// <summary>The JSON and field name of the upstream component's id.</summary>
    public const string ComponentIdField = "upstreamComponentId";

    /// <summary>The longest URL kept: what every HTTP client and proxy handles.</summary>
    public const int MaxUrlLength = 2048;

    private const string Expected = "an absolute https URL of a Statuspage-compatible summary.json, such as 'https://www.githubstatus.com/api/v2/summary.json'";

    /// <summary>An absolute <c>https</c> URL with a host and no user information, as given (trimmed).</summary>
    public static string? Url(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxUrlLength)
        {
            throw new StatusKitValidationException(UrlField, $"The {UrlField} must be at most {MaxUrlLength} characters (was {trimmed.Length}).", ValidationCodes.TextTooLong);
        }

        if (trimmed.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new StatusKitValidationException(UrlField, $"The {UrlField} must be {Expected}, without spaces or control characters.", ValidationCodes.ValueInvalid);
        }

        if (BrandingUrl.Parse(trimmed, allowHttp: false) is not { } uri)
        {
            throw new StatusKitValidationException(UrlField, $"The {UrlField} must be {Expected} (was '{QuotedValue.Of(trimmed)}').", ValidationCodes.ValueInvalid);
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new StatusKitValidationException(UrlField, $"The {UrlField} must not carry a user name or password before its host (was '{QuotedValue.Of(trimmed)}').", ValidationCodes.ValueInvalid);
        }

        return trimmed;
    }

    /// <summary>
    /// The upstream component's id, at most 200 characters, and only with an upstream URL (<paramref name="url"/>, the
    /// one the component will have).
    /// </summary>
    public static string? ComponentId(string? value, string? url)
    {
        var id = Guard.OptionalText(value, ComponentIdField, Guard.MaxNameLength);
        if (id is not null && url is null)
        {
            throw new StatusKitValidationException(ComponentIdField, $"An {ComponentIdField} names a component of the upstream page: set an {UrlField} with it.");
        }

        return id;
    }
}
