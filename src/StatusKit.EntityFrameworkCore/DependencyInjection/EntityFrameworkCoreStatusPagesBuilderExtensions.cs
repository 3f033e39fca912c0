using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Schema;
using StatusKit.EntityFrameworkCore.Store;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Entity Framework Core store.</summary>
public static class EntityFrameworkCoreStatusPagesBuilderExtensions
{
    /// <summary>
    /// Uses <typeparamref name="TContext"/> (a context whose model calls <c>modelBuilder.ApplyStatusKitModel()</c>, or
    /// one of StatusKit's own contexts) as the <see cref="IStatusStore"/>, replacing any store registered before.
    /// </summary>
    /// <remarks>
    /// The store is a singleton, because StatusKit's hosted services are; it creates a short-lived context per call
    /// through <see cref="IDbContextFactory{TContext}"/>, so register the context with
    /// <c>services.AddDbContextFactory&lt;TContext&gt;(o =&gt; o.UseSqlite(…) or o.UseNpgsql(…))</c>. Supported
    /// providers: SQLite and PostgreSQL. Calling this twice is harmless. The library never applies migrations; with
    /// StatusKit's own contexts, a database that lacks some of the shipped ones is named once when the host starts (a
    /// Warning) and by the store health check.
    /// </remarks>
    /// <typeparam name="TContext">The context holding StatusKit's tables.</typeparam>
    /// <param name="builder">The StatusKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IStatusPagesBuilder UseEntityFrameworkCoreStore<TContext>(this IStatusPagesBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStatusStore>(services =>
            new EntityFrameworkCoreStatusStore<TContext>(
                services.GetService<IDbContextFactory<TContext>>()
                ?? throw new InvalidOperationException(
                    $"The Entity Framework Core store needs a context factory: call services.AddDbContextFactory<{typeof(TContext).Name}>(options => ...) " +
                    $"next to AddStatusPages().UseEntityFrameworkCoreStore<{typeof(TContext).Name}>()."))));
        // When the host starts: one warning when the database lacks some of StatusKit's shipped migrations (the library
        // never applies them itself; the host does, where it decides).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PendingMigrationsStartupCheck>());
        return builder;
    }
}
