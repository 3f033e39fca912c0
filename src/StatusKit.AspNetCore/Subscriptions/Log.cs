using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The public subscription routes' log events (ids 1406 and 1409-1419 of the endpoints' 1400-1499), under their own
/// category, <see cref="Category"/>, apart from the admin API's. Never logs a destination or a token: a refusal names
/// the field, not the value the visitor typed.
/// </summary>
internal static partial class Log
{
    /// <summary>The logger category of the public subscription routes.</summary>
    public const string Category = "StatusKit.AspNetCore.Subscriptions";

    /// <summary>The logger of <see cref="Category"/> for a request.</summary>
    public static ILogger For(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    [LoggerMessage(1406, LogLevel.Information, "Subscription rate limit reached for a client of page '{Slug}'")]
    public static partial void SubscriptionRateLimited(ILogger logger, string slug);

    [LoggerMessage(1409, LogLevel.Information, "Refused a public subscription request {Method} {Path}: {StatusCode} on field '{Field}'")]
    public static partial void SubscriptionRefused(ILogger logger, string method, string path, int statusCode, string? field);

    [LoggerMessage(1410, LogLevel.Information, "Refused a subscription request for page '{Slug}' unread: its body is larger than {MaxBytes} bytes")]
    public static partial void SubscriptionTooLarge(ILogger logger, string slug, int maxBytes);

    [LoggerMessage(1414, LogLevel.Information, "Subscription link rate limit reached for a client of page '{Slug}' ({Method} {Route}); answered 429, retry after {RetryAfter}")]
    public static partial void TokenLinkRateLimited(ILogger logger, string? slug, string method, string route, TimeSpan retryAfter);
}
