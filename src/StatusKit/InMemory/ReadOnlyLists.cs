using System.Collections.ObjectModel;

namespace StatusKit.InMemory;

/// <summary>Copies lists handed to or out of the in-memory store so that no caller aliases its state.</summary>
internal static class ReadOnlyLists
{
    /// <summary>A private, read-only copy of <paramref name="items"/> (a null list is refused, naming the field).</summary>
    public static IReadOnlyList<T> Freeze<T>(IReadOnlyList<T>? items, string field) =>
        items switch
        {
            null => throw new ArgumentException($"The list '{field}' must not be null; pass an empty list instead.", field),
            { Count: 0 } => ReadOnlyCollection<T>.Empty,
            _ => Array.AsReadOnly(items.ToArray()),
        };
}
