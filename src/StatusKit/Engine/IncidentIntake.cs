using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Diagnostics;
using StatusKit.Model;

namespace StatusKit.Engine;

/// <summary>
/// The default <see cref="IIncidentIntake"/>: stores the signal, then queues a recompute of its team, and of the team it
/// belonged to before when the incident moved to another team (whose components it no longer affects).
/// </summary>
internal sealed class IncidentIntake(IStatusStore store, StatusEngine engine, StatusKitInstruments instruments, ILogger<IncidentIntake> logger) : IIncidentIntake
{
    private const int MaxIdLength = 200;
    private const int MaxTitleLength = 20_000;

    public async Task<SignalApplyResult> ReportIncidentAsync(IncidentSignal signal, CancellationToken cancellationToken)
    {
        using var activity = StatusKitTracing.Source.StartActivity("statuskit.signal");
        activity?.SetTag("statuskit.incident.id", signal?.IncidentId);
        activity?.SetTag("statuskit.team.id", signal?.TeamId);
        activity?.SetTag("statuskit.signal.version", signal?.Version);
        try
        {
            var result = await ApplyAsync(signal!, cancellationToken);
            activity?.SetTag("statuskit.signal.result", result.ToString());
            return result;
        }
        catch (Exception ex)
        {
            StatusKitTracing.Failed(activity, ex);
            throw;
        }
    }

    private async Task<SignalApplyResult> ApplyAsync(IncidentSignal signal, CancellationToken cancellationToken)
    {
        Validate(signal);

        // The store names the signal this one replaced, read in the same compare-and-set, so the team an incident
        // leaves is the one it really was in, even when another host wrote that signal a moment before.
        var outcome = await store.ApplySignalAsync(signal, cancellationToken);
        var (result, replaced) = outcome;
        if (result == SignalApplyResult.Duplicate)
        {
            await RefuseReusedVersionAsync(signal, outcome.Stored, cancellationToken);
        }

        instruments.SignalReceived(result);
        Log.SignalStored(logger, signal.IncidentId, signal.Version, signal.TeamId, result.ToString());
        if (result == SignalApplyResult.Applied)
        {
            var cause = signal.Title is { Length: > 0 } title
                ? $"incident {signal.IncidentId} ({signal.State}): {title}"
                : $"incident {signal.IncidentId} ({signal.State})";
            engine.RecomputeTeamInBackground(signal.TeamId, cause);
            if (replaced is not null && !string.Equals(replaced.TeamId, signal.TeamId, StringComparison.Ordinal))
            {
                engine.RecomputeTeamInBackground(replaced.TeamId, $"incident {signal.IncidentId} moved to team {signal.TeamId}");
            }
        }

        return result;
    }

    /// <summary>
    /// A duplicate is a re-send of the stored signal, or a change the platform sent under a version it had already used:
    /// that one would be lost without a word, so it is refused (and logged) for the platform to send it again with a
    /// higher version. The store names the stored signal in the same call; a store that does not is asked for it.
    /// </summary>
    private async Task RefuseReusedVersionAsync(IncidentSignal signal, IncidentSignal? stored, CancellationToken cancellationToken)
    {
        stored ??= await store.GetSignalAsync(signal.IncidentId, cancellationToken);
        if (stored is null || stored.Version != signal.Version)
        {
            // Replaced by a newer signal meanwhile: this one is stale now, whatever it carried.
            return;
        }

        var fields = SignalDifferences.Between(stored, signal);
        if (fields.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", fields);
        instruments.SignalConflicted();
        Log.SignalVersionReused(logger, signal.IncidentId, signal.Version, signal.TeamId, names);
        throw new StatusKitConflictException(
            "version",
            $"Incident '{signal.IncidentId}' already has a signal with version {signal.Version} that differs from this one in {names}; " +
            "versions must increase with every change: send the change with a higher version (a re-send of the same signal is ignored).");
    }

    private static void Validate(IncidentSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Require(signal.IncidentId, "incidentId");
        Require(signal.TeamId, "teamId");
        Require(signal.Priority, "priority");
        if (signal.ServiceIdentifier is { } service && (service.Length == 0 || service.Length > MaxIdLength || service.Contains('\0', StringComparison.Ordinal)))
        {
            throw new StatusKitValidationException(
                "serviceIdentifier", $"The service identifier must be 1 to {MaxIdLength} characters (no NUL) or null.", TextCode(service, MaxIdLength));
        }

        // The title is kept with the signal: bounded like any text the services keep, and without U+0000, which not
        // every store can keep (PostgreSQL's text refuses it), so no store fails on what another accepts.
        if (signal.Title is { } title && (title.Length > MaxTitleLength || title.Contains('\0', StringComparison.Ordinal)))
        {
            throw new StatusKitValidationException(
                "title", $"The title must be at most {MaxTitleLength} characters, without the NUL character (U+0000), or null.", TextCode(title, MaxTitleLength));
        }

        if (!Enum.IsDefined(signal.State))
        {
            throw new StatusKitValidationException(
                "state", $"'{signal.State}' is not an incident state (Triggered, Acknowledged, Resolved, Closed).", ValidationCodes.ValueInvalid);
        }

        if (signal.Version < 0)
        {
            throw new StatusKitValidationException("version", $"The version must not be negative (was {signal.Version}).");
        }
    }

    // Why a text the message refuses for more than one reason is refused: NUL, else its length (an empty service
    // identifier, which names no service, is a value the field does not take).
    private static string TextCode(string value, int maxLength) =>
        value.Contains('\0', StringComparison.Ordinal) ? ValidationCodes.TextContainsNul
        : value.Length > maxLength ? ValidationCodes.TextTooLong
        : ValidationCodes.ValueInvalid;

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StatusKitValidationException(field, $"The {field} is required.", ValidationCodes.MemberRequired);
        }

        if (value.Length > MaxIdLength)
        {
            throw new StatusKitValidationException(field, $"The {field} must be at most {MaxIdLength} characters (was {value.Length}).", ValidationCodes.TextTooLong);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            // Not every store can keep U+0000 (PostgreSQL's text refuses it).
            throw new StatusKitValidationException(field, $"The {field} must not contain the NUL character (U+0000).", ValidationCodes.TextContainsNul);
        }
    }
}
