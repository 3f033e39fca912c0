using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StatusKit.PostgreSql;

#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>The PostgreSQL verbs of <see cref="IStatusPagesBuilder"/>.</summary>
public static class PostgreSqlStatusPagesBuilderExtensions
{
    /// <summary>
    /// Connects the hosts that share one PostgreSQL database through <c>LISTEN</c>/<c>NOTIFY</c>: each host's change
    /// feed (its SSE clients) and page snapshots follow the status changes the other hosts commit. Options are
    /// validated at start-up.
    /// </summary>
    /// <param name="builder">The StatusKit builder.</param>
    /// <param name="configure">Sets the connection string (required) and the channel.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IStatusPagesBuilder UsePostgreSqlBackplane(this IStatusPagesBuilder builder, Action<PostgreSqlBackplaneOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgreSqlBackplaneOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlBackplaneOptions>, PostgreSqlBackplaneOptionsValidator>());
        builder.Services.TryAddSingleton<PostgreSqlStatusChangeBackplane>();
        return builder.UseStatusChangeBackplane(sp => sp.GetRequiredService<PostgreSqlStatusChangeBackplane>());
    }
}
