using Microsoft.Extensions.DependencyInjection.Extensions;
using StatusKit.Abstractions;
using StatusKit.Caching;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Notifications;

#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>The core verbs of <see cref="IStatusPagesBuilder"/>.</summary>
public static class StatusPagesBuilderExtensions
{
    /// <summary>Stores everything in this process's memory (one process, tests, demos). The default when no store is registered.</summary>
    public static IStatusPagesBuilder UseInMemoryStore(this IStatusPagesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStatusStore, InMemoryStatusStore>());
        return builder;
    }

    /// <summary>Caches page snapshots in the host's <c>IMemoryCache</c> (call <c>services.AddMemoryCache()</c>).</summary>
    public static IStatusPagesBuilder UseMemoryCache(this IStatusPagesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStatusCache, MemoryStatusCache>());
        return builder;
    }

    /// <summary>Caches page snapshots in the host's <c>IDistributedCache</c>, shared by every host instance.</summary>
    public static IStatusPagesBuilder UseDistributedCache(this IStatusPagesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStatusCache, DistributedStatusCache>());
        return builder;
    }

    /// <summary>
    /// Connects the hosts that share one store through <typeparamref name="TBackplane"/> (see
    /// <see cref="IStatusChangeBackplane"/>), so each host's change feed and page snapshots follow the changes the
    /// others commit. Replaces a backplane registered before.
    /// </summary>
    public static IStatusPagesBuilder UseStatusChangeBackplane<TBackplane>(this IStatusPagesBuilder builder)
        where TBackplane : class, IStatusChangeBackplane
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IStatusChangeBackplane, TBackplane>());
        return builder;
    }

    /// <summary>As <see cref="UseStatusChangeBackplane{TBackplane}(IStatusPagesBuilder)"/>, with a backplane built by <paramref name="factory"/>.</summary>
    public static IStatusPagesBuilder UseStatusChangeBackplane(this IStatusPagesBuilder builder, Func<IServiceProvider, IStatusChangeBackplane> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>Configures the notification pipeline (debounce, storm control, retries, dispatcher).</summary>
    public static IStatusPagesBuilder ConfigureNotifications(this IStatusPagesBuilder builder, Action<NotificationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
