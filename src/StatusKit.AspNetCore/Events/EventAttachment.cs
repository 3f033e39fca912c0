using System.Threading.Channels;
using StatusKit.Engine;

namespace StatusKit.AspNetCore.Events;

/// <summary>An SSE client's place in a page's event stream: what to replay, then the live events. Dispose to leave.</summary>
internal sealed class EventAttachment : IDisposable
{
    private readonly Action _detach;

    public EventAttachment(IReadOnlyList<StatusChanged> replay, bool incomplete, ChannelReader<StatusChanged> live, Action detach)
    {
        Replay = replay;
        Incomplete = incomplete;
        Live = live;
        _detach = detach;
    }

    /// <summary>The buffered events after the client's Last-Event-ID, oldest first.</summary>
    public IReadOnlyList<StatusChanged> Replay { get; }

    /// <summary>Whether events the client missed are no longer buffered (it should reload the page).</summary>
    public bool Incomplete { get; }

    /// <summary>The live events.</summary>
    public ChannelReader<StatusChanged> Live { get; }

    public void Dispose() => _detach();
}
