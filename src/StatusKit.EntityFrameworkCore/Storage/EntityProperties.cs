using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>The properties of an entity type that rows are read into and written from.</summary>
internal static class EntityProperties
{
    /// <summary>
    /// The CLR properties of <paramref name="entityType"/>, in model order. Shadow properties (the store-internal
    /// history chain) are written and read only by the statements that maintain them.
    /// </summary>
    public static IProperty[] Mapped(IEntityType entityType) =>
        [.. entityType.GetProperties().Where(p => !p.IsShadowProperty())];
}
