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
            Log.AdminRequestRefused(logger, http.Request.Method, http.Request.Path, ex.Field, ex.Message);
            return Problems.From(ex);
        }
    }
}
