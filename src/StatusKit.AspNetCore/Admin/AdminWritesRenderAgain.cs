using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Responses;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// After a write through the admin API (any method but GET and HEAD, whatever its answer), lets go of every document
/// this host keeps (<see cref="KeptDocuments"/>): a write may change what a page shows without changing its snapshot (a
/// metric and its points, a resolved incident, a postmortem), and the operator who made it and reloads the page should
/// see it. Writes are rare next to reads, so a document is made once more and kept again.
/// </summary>
internal sealed class AdminWritesRenderAgain : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        try
        {
            return await next(context);
        }
        finally
        {
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                context.HttpContext.RequestServices.GetRequiredService<KeptDocuments>().Clear();
            }
        }
    }
}
