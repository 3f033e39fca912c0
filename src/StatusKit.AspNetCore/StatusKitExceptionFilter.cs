using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StatusKit.AspNetCore;

/// <summary>
/// Turns StatusKit's exceptions thrown by an admin API endpoint into problem details, logged under
/// <c>StatusKit.AspNetCore.Admin</c> (event 1405). The public subscription routes have their own filter.
/// </summary>
internal sealed class StatusKitExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StatusKitException ex)
        {
            var http = context.HttpContext;
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("StatusKit.AspNetCore.Admin");
            Log.AdminRequestRefused(logger, http.Request.Method, http.Request.Path, ex.Field, Loggable(ex));
            return Problems.From(ex);
        }
    }

    // A refused destination's message quotes it (an email address, a phone number, a webhook URL), which the log never
    // holds (docs/logging.md): the log says which field and why, the answer quotes it to the caller who sent it.
    private static string Loggable(StatusKitException exception) =>
        exception.Field is { } field && field.EndsWith("destination", StringComparison.OrdinalIgnoreCase)
            ? $"the destination was refused ({(exception as StatusKitValidationException)?.Code ?? exception.GetType().Name}); its value is not logged."
            : exception.Message;
}
