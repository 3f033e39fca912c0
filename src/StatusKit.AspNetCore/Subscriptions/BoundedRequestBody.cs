using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Reads a public request's body into memory up to a limit, so an anonymous client cannot make the server read and
/// parse megabytes (the server's own limit, 30 MB in Kestrel, is meant for uploads). Works whether or not the client
/// sent a Content-Length.
/// </summary>
internal static class BoundedRequestBody
{
    /// <summary>
    /// Buffers the body when it has at most <paramref name="maxBytes"/> bytes and makes it the request's body; false,
    /// reading no further, when it is larger.
    /// </summary>
    public static async Task<bool> TryBufferAsync(HttpContext context, int maxBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return false;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return true;
    }
}
