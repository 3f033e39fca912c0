using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Answers a page's admin list routes (<c>pages/{pageId}/…</c>) with a 404 problem naming <c>pageId</c> when the page
/// does not exist, as every other admin route for a missing page does, instead of an empty list.
/// </summary>
internal sealed class KnownPageFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["pageId"] is string value && Guid.TryParse(value, out var pageId)
            && await http.RequestServices.GetRequiredService<StatusPageService>().GetAsync(pageId, http.RequestAborted) is null)
        {
            return Problems.From(new StatusKitNotFoundException("page", pageId.ToString(), "pageId"));
        }

        return await next(context);
    }
}
