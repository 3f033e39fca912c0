using Microsoft.EntityFrameworkCore;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Store;

// The writes shared by a page's resources whose names are unique per page ignoring case (incident templates, page
// metrics): rows with an Id, a PageId, a NameKey (the name's CaseInsensitiveKey) and a Version, read through EF.Property
// as AdvanceVersion and DeleteAtVersionAsync read the version.
internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    // Adds the row to its page, refusing a page that does not exist and a name it already has. The resource is named
    // as not-found and save errors name it ("page metric"), namedAs as the name conflict does ("already has a metric").
    private async Task AddNamedRowAsync<TRow>(
        TRow row, Guid pageId, Guid id, string name, string resource, string namedAs, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var session = await OpenAsync(cancellationToken);
        await EnsurePageExistsAsync(session, pageId, cancellationToken);
        await RefuseTakenRowNameAsync<TRow>(session, pageId, id, name, namedAs, cancellationToken);
        session.Set<TRow>().Add(row);
        await SaveAsync(session, resource, () => MissingPage(pageId), cancellationToken);
    }

    // Compare-and-set on the version (AdvanceVersion) of the row with this id, refusing a new name its page already has,
    // then copy writes the change; the stored page and creation time are kept. Returns the row as saved.
    private async Task<TRow> UpdateNamedRowAsync<TRow>(
        Guid id, string name, long expectedVersion, Action<TRow> copy, string resource, string namedAs, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<TRow>().AsTracking().FirstOrDefaultAsync(r => EF.Property<Guid>(r, "Id") == id, cancellationToken)
                  ?? throw new StatusKitNotFoundException(resource, id.ToString());
        AdvanceVersion(session, row, resource, id, expectedVersion);
        var entry = session.Context.Entry(row);
        if (entry.Property<string>("NameKey").CurrentValue != CaseInsensitiveKey.Of(name))
        {
            await RefuseTakenRowNameAsync<TRow>(session, entry.Property<Guid>("PageId").CurrentValue, id, name, namedAs, cancellationToken);
        }

        copy(row);
        await SaveAsync(session, resource, null, cancellationToken);
        return row;
    }

    // As a component's name (RefuseTakenNameAsync): a read finds the conflict, the unique index decides a race.
    private static async Task RefuseTakenRowNameAsync<TRow>(
        Session session, Guid pageId, Guid id, string name, string namedAs, CancellationToken cancellationToken)
        where TRow : class
    {
        var key = CaseInsensitiveKey.Of(name);
        if (await session.Set<TRow>().AnyAsync(
                r => EF.Property<Guid>(r, "PageId") == pageId && EF.Property<string>(r, "NameKey") == key && EF.Property<Guid>(r, "Id") != id,
                cancellationToken))
        {
            throw Conflict("name", namedAs);
        }
    }
}
