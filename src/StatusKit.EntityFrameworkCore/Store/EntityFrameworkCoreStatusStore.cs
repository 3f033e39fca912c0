using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Schema;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Store;

/// <summary>
/// The relational <see cref="IStatusStore"/>: a singleton that opens a short-lived <typeparamref name="TContext"/> per
/// call from <see cref="IDbContextFactory{TContext}"/>, so the engine's singleton hosted services can use it.
/// </summary>
/// <remarks>
/// State changes that two hosts could race on are compare-and-set statements (zero rows = someone else did it); the
/// recompute path (<see cref="LoadStatusInputsAsync"/> + <see cref="CommitStatusAsync"/>) and the outbox use
/// set-based statements with JSON parameters so their round-trips do not grow with the number of components.
/// The <c>Update…</c> methods of versioned records read the row, check its version and save it through EF with the
/// version as concurrency token (<c>UPDATE … WHERE id = @id AND version = @expected</c>), so a writer that commits in
/// between makes the save fail rather than be overwritten (<see cref="AdvanceVersion{T}"/>).
/// </remarks>
internal sealed partial class EntityFrameworkCoreStatusStore<TContext> : IStatusStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;
    private StoreSchema? _schema;

    public EntityFrameworkCoreStatusStore(IDbContextFactory<TContext> contexts)
    {
        _contexts = contexts;
        Migrations = new PendingMigrations(typeof(TContext), CreateContextAsync);
    }

    private async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(cancellationToken);
        var schema = _schema ??= new StoreSchema(context.Model, context.GetService<ISqlGenerationHelper>());
        return new Session(context, schema);
    }

    private static StatusKitConflictException ConflictFrom(StoreSchema schema, DbException error, string resource)
    {
        var field = schema.FindUniqueIndexProperty(error.Message) switch
        {
            nameof(PageEntity.Slug) => "slug",
            nameof(PageEntity.CustomDomain) => "customDomain",
            nameof(ComponentEntity.NameKey) => "name",
            nameof(SubscriberEntity.DestinationKey) => "destination",
            nameof(NotificationEntity.DeduplicationKey) => "deduplicationKey",
            nameof(StatusIncidentUpdateEntity.Position) => "updates",
            _ => "id",
        };
        return Conflict(field, resource);
    }

    // The conflict on a unique field, whether a pre-check found it or the database refused the write.
    private static StatusKitConflictException Conflict(string field, string resource)
    {
        var message = field switch
        {
            "slug" => "The slug is already used by another page; choose another.",
            "customDomain" => "The custom domain is already used by another page; choose another.",
            "name" => $"The page already has {IndefiniteArticle.With(resource)} with this name (names are compared ignoring case); choose another name.",
            "destination" => "This destination is already subscribed to the page on this channel.",
            "id" => $"{IndefiniteArticle.With(resource, capital: true)} with this id already exists; use a new id.",
            _ => $"The {resource} conflicts with a stored one on '{field}'; reload and retry.",
        };
        return new StatusKitConflictException(field, message);
    }

    /// <summary>
    /// The compare-and-set of an update through a tracked row: throws <see cref="StatusKitConcurrencyException"/> when
    /// the row read is not at <paramref name="expected"/>, and otherwise moves it to the next version. The version is a
    /// concurrency token, so the save's <c>UPDATE</c> still requires <paramref name="expected"/>, and a writer that
    /// committed since the read makes it fail (<see cref="SaveAsync"/>) instead of being overwritten.
    /// </summary>
    private static void AdvanceVersion<T>(Session session, T row, string resource, Guid id, long expected)
        where T : class
    {
        var version = session.Context.Entry(row).Property<long>(nameof(PageEntity.Version));
        if (version.CurrentValue != expected)
        {
            throw StaleVersion.Of(resource, id, expected);
        }

        version.CurrentValue = expected + 1;
    }

    /// <summary>
    /// Deletes <paramref name="record"/> (a query of one row by id) in one <c>DELETE</c>, at <paramref name="expectedVersion"/>
    /// when given. When that deletes nothing, a row still there is at another version: a stale version, nothing deleted.
    /// </summary>
    private static async Task<bool> DeleteAtVersionAsync<T>(
        IQueryable<T> record, long? expectedVersion, string resource, Guid id, CancellationToken cancellationToken)
        where T : class
    {
        var target = expectedVersion is { } version ? record.Where(r => EF.Property<long>(r, nameof(PageEntity.Version)) == version) : record;
        if (await target.ExecuteDeleteAsync(cancellationToken) > 0)
        {
            return true;
        }

        return expectedVersion is { } expected && await record.AnyAsync(cancellationToken)
            ? throw StaleVersion.Of(resource, id, expected)
            : false;
    }

    /// <summary>
    /// Saves, turning unique and foreign-key violations and lost compare-and-sets (<see cref="AdvanceVersion{T}"/>) into
    /// StatusKit's exceptions.
    /// </summary>
    private static async Task SaveAsync(Session session, string resource, Func<Exception>? missingParent, CancellationToken cancellationToken)
    {
        try
        {
            await session.Context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StatusKitConcurrencyException($"The {resource} was changed by someone else while this change was being saved; reload it and retry.");
        }
        catch (DbUpdateException exception) when (DbErrors.FindUniqueViolation(exception) is { } unique)
        {
            throw ConflictFrom(session.Schema, unique, resource);
        }
        catch (DbUpdateException exception) when (missingParent is not null && DbErrors.IsForeignKeyViolation(exception))
        {
            throw missingParent();
        }
    }

    private static async Task EnsurePageExistsAsync(Session session, Guid pageId, CancellationToken cancellationToken)
    {
        if (!await session.Context.Set<PageEntity>().AnyAsync(p => p.Id == pageId, cancellationToken))
        {
            throw MissingPage(pageId);
        }
    }

    private static StatusKitNotFoundException MissingPage(Guid pageId) => new("page", pageId.ToString(), "pageId");

    /// <summary>One context and the schema of its model, disposed at the end of a store call.</summary>
    private sealed class Session(TContext context, StoreSchema schema) : IAsyncDisposable
    {
        private StoreDialect? _dialect;

        public TContext Context { get; } = context;

        public StoreSchema Schema { get; } = schema;

        public StoreDialect Dialect => _dialect ??= StoreDialect.For(Context.Database.ProviderName, () => Context.Database.GetDbConnection().ServerVersion);

        public DbSet<T> Set<T>()
            where T : class => Context.Set<T>();

        /// <summary>Runs raw SQL with <c>{0}</c>-style placeholders through EF (so interceptors and logging see it).</summary>
        public Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> arguments, CancellationToken cancellationToken) =>
            Context.Database.ExecuteSqlRawAsync(sql, arguments!, cancellationToken);

        /// <summary>Runs a raw multi-statement query and hands the reader (positioned before the first result set) to <paramref name="read"/>.</summary>
        public async Task<T> QueryAsync<T>(
            string sql,
            IReadOnlyList<object?> arguments,
            Func<DbDataReader, Task<T>> read,
            CancellationToken cancellationToken)
        {
            var command = Context.GetService<IRawSqlCommandBuilder>().Build(sql, arguments!, Context.Model);
            var parameters = new RelationalCommandParameterObject(
                Context.GetService<IRelationalConnection>(),
                command.ParameterValues,
                null,
                Context,
                Context.GetService<IRelationalCommandDiagnosticsLogger>());
            await using var reader = await command.RelationalCommand.ExecuteReaderAsync(parameters, cancellationToken);
            return await read(reader.DbDataReader);
        }

        /// <summary>
        /// <see cref="QueryAsync{T}"/> under a read transaction (<see cref="SnapshotReads"/>), so that every result set
        /// of the command comes from one state of the database; the same single command.
        /// </summary>
        public async Task<T> QuerySnapshotAsync<T>(
            string sql,
            IReadOnlyList<object?> arguments,
            Func<DbDataReader, Task<T>> read,
            CancellationToken cancellationToken)
        {
            await using var transaction = await SnapshotReads.BeginAsync(Context.Database, Dialect, cancellationToken);
            var result = await QueryAsync(Dialect.ReadOnlyTransaction + sql, arguments, read, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }

        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }
}
