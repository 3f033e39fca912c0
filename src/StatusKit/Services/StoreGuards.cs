using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Existence checks against the store, shared by the services; failures name the field.</summary>
internal static class StoreGuards
{
    public static async Task<StatusPage> RequirePageAsync(this IStatusStore store, Guid pageId, CancellationToken cancellationToken) =>
        await store.GetPageAsync(pageId, cancellationToken) ?? throw new StatusKitNotFoundException("page", pageId.ToString(), "pageId");

    /// <summary>The distinct ids, after checking that each names a component of <paramref name="pageId"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> RequireComponentsOnPageAsync(this IStatusStore store, Guid pageId, IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        var distinct = Guard.DistinctIds(ids, "componentIds");
        if (distinct.Count == 0)
        {
            return distinct;
        }

        var onPage = (await store.ListComponentsAsync(pageId, cancellationToken)).Select(c => c.Id).ToHashSet();
        foreach (var id in distinct)
        {
            if (!onPage.Contains(id))
            {
                throw new StatusKitValidationException("componentIds", $"The component '{id}' is not on this page.", ValidationCodes.ComponentsNotOnPage);
            }
        }

        return distinct;
    }
}
