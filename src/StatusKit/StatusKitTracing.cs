using System.Diagnostics;
using System.Reflection;

namespace StatusKit;

/// <summary>
/// StatusKit's traces: an <see cref="ActivitySource"/> named <see cref="ActivitySourceName"/>, whose spans a host collects
/// with OpenTelemetry (<c>.WithTracing(t =&gt; t.AddSource(StatusKitTracing.ActivitySourceName))</c>) or any
/// <see cref="ActivityListener"/>. Nothing is recorded while nobody listens.
/// </summary>
/// <remarks>
/// Spans: <c>statuskit.signal</c> (an incident signal taken in), <c>statuskit.recompute</c> (a recompute of component
/// statuses and page snapshots, linked to the spans that asked for it), <c>statuskit.maintenance.transition</c> (a
/// window's reminder, start, end or missed occurrence) and <c>statuskit.notification.send</c> (one attempt to deliver a
/// notice; the notifier's HTTP or SMTP call is its child). A failure sets the span's status to error. See
/// <c>docs/tracing.md</c> for their tags.
/// </remarks>
public static class StatusKitTracing
{
    /// <summary>The name of StatusKit's <see cref="ActivitySource"/>: <c>StatusKit</c>.</summary>
    public const string ActivitySourceName = "StatusKit";

    /// <summary>
    /// The source itself. Static, as .NET's guidance for libraries has it: an <see cref="ActivitySource"/> holds no state of
    /// its own, and listeners choose it by name.
    /// </summary>
    internal static readonly ActivitySource Source = new(
        ActivitySourceName,
        typeof(StatusKitTracing).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="error"/> (no-op when nobody listens).</summary>
    internal static void Failed(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.AddException(error);
    }
}
