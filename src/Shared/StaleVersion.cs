namespace StatusKit.Shared;

/// <summary>The exception a store throws when a compare-and-set update carries a version that is no longer stored.</summary>
internal static class StaleVersion
{
    public static StatusKitConcurrencyException Of(string resource, Guid id, long expected) =>
        new($"The {resource} '{id}' was changed by someone else since it was read at version {expected}; reload it and retry.");
}
