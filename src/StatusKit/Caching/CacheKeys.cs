namespace StatusKit.Caching;

/// <summary>The cache keys StatusKit uses, in one place.</summary>
internal static class CacheKeys
{
    public static string Page(Guid pageId) => string.Create(null, stackalloc char[64], $"statuskit:page:{pageId:N}");
}
