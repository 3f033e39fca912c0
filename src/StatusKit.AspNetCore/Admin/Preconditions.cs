using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Runs an admin write of one versioned record under the request's <c>If-Match</c> (<see cref="IfMatch"/>). Without
/// the header the write runs with no expected version (the services re-apply it over a concurrent change). With it,
/// the record is read first: a missing record or one at no listed version fails the precondition (412), and a match
/// passes the version read to the write as its expected version, so a change that lands between the check and the
/// write fails it too instead of being overwritten. <c>*</c> only requires that the record exists.
/// </summary>
internal static class Preconditions
{
    public static async Task<IResult> WriteAsync<T>(
        HttpContext context,
        Func<CancellationToken, Task<T?>> load,
        Func<T, long> versionOf,
        Func<long?, Task<IResult>> write)
        where T : class
    {
        var ifMatch = IfMatch.From(context.Request);
        if (ifMatch is null)
        {
            return await write(null);
        }

        var current = await load(context.RequestAborted)
            ?? throw new PreconditionFailedException("If-Match was sent, but there is no such record (any more); reload it.");
        var version = versionOf(current);
        if (!ifMatch.Matches(version))
        {
            throw new PreconditionFailedException(
                $"The record is at version {version} (ETag {EntityTags.Of(version)}), which If-Match does not list; reload it and retry.");
        }

        if (ifMatch.Any)
        {
            return await write(null);
        }

        try
        {
            return await write(version);
        }
        catch (StatusKitConcurrencyException ex)
        {
            throw new PreconditionFailedException(ex.Message);
        }
    }
}
