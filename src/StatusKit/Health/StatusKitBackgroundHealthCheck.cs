using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace StatusKit.Health;

/// <summary>
/// Whether StatusKit's background work is failing in this process: recomputes of component statuses (so pages show
/// statuses their incidents no longer imply), maintenance transitions (so windows do not start or end), or the
/// notification dispatcher's passes over the outbox (so no subscriber hears anything), or, with a status change
/// backplane, listening to and publishing to the other hosts (so their live pages lag). Work that fails is retried;
/// while any is failing the check is <c>Degraded</c>, and once something has kept failing for
/// <see cref="StatusKitHealthOptions.UnhealthyAfter"/> it reports the registration's failure status (<c>Unhealthy</c> by
/// default). A destination that refuses notices is the subscriber's problem, not the host's, and does not count.
/// </summary>
/// <remarks>
/// The description names what fails, since when, and the latest error's type and message; <c>data</c> carries, per
/// failing part (<c>statuses</c>, <c>maintenance</c>, <c>notifications</c>, <c>backplane</c>), <c>{part}.failing</c> (how many items),
/// <c>{part}.failingSince</c> and <c>{part}.lastError</c>.
/// </remarks>
public sealed class StatusKitBackgroundHealthCheck : IHealthCheck
{
    private readonly BackgroundWorkHealth _health;
    private readonly TimeProvider _time;
    private readonly TimeSpan _unhealthyAfter;

    internal StatusKitBackgroundHealthCheck(BackgroundWorkHealth health, TimeProvider time, IOptions<StatusKitHealthOptions> options)
    {
        _health = health;
        _time = time;
        _unhealthyAfter = options.Value.UnhealthyAfter;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = _time.GetUtcNow();
        var problems = new List<string>();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unhealthy = false;
        Exception? latest = null;
        var latestAt = DateTimeOffset.MinValue;
        foreach (var (part, label, failures) in Parts())
        {
            if (failures.Current() is not { } failing)
            {
                continue;
            }

            unhealthy |= now - failing.Since >= _unhealthyAfter;
            if (failing.LastErrorAt > latestAt)
            {
                (latest, latestAt) = (failing.LastError, failing.LastErrorAt);
            }

            var error = $"{failing.LastError.GetType().Name}: {failing.LastError.Message}";
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: {failing.Count} failing since {failing.Since:O}, last error at {failing.LastErrorAt:O}: {error}"));
            data[part + ".failing"] = failing.Count;
            data[part + ".failingSince"] = failing.Since.ToString("O", CultureInfo.InvariantCulture);
            data[part + ".lastError"] = error;
        }

        if (problems.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Recomputes, maintenance transitions, notification dispatch and the backplane (if any) are running."));
        }

        var status = unhealthy ? context.Registration.FailureStatus : HealthStatus.Degraded;
        return Task.FromResult(new HealthCheckResult(status, string.Join("; ", problems), latest, data));
    }

    private IEnumerable<(string Part, string Label, WorkFailures Failures)> Parts() =>
    [
        ("statuses", "Component status recomputes", _health.Statuses),
        ("maintenance", "Maintenance transitions", _health.Maintenance),
        ("notifications", "Notification dispatch", _health.Notifications),
        ("backplane", "Status change backplane", _health.Backplane),
    ];
}
