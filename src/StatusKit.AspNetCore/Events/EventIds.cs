using System.Globalization;
using System.Security.Cryptography;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// The ids of Server-Sent Events: a random prefix of this run of the process and the change feed's sequence number
/// (<c>3f9a1c2e-57</c>). Sequence numbers restart with every run and differ between hosts, so an id without this
/// run's prefix says nothing about what the client missed; it is answered with a <c>reload</c>, never with a replay of
/// unrelated events.
/// </summary>
internal sealed class EventIds
{
    private readonly string _run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The id of the event with <paramref name="sequence"/>.</summary>
    public string Format(long sequence) => string.Create(CultureInfo.InvariantCulture, $"{_run}-{sequence}");

    /// <summary>
    /// The sequence number in a <c>Last-Event-ID</c> this run wrote; null for an id of another run or host, or for text
    /// that is no id.
    /// </summary>
    public long? Parse(string? id)
    {
        if (id is null || id.Length <= _run.Length + 1 || !id.StartsWith(_run, StringComparison.Ordinal) || id[_run.Length] != '-')
        {
            return null;
        }

        return long.TryParse(id.AsSpan(_run.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
    }
}
