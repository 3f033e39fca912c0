using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StatusKit.Engine;

namespace StatusKit.PostgreSql;

/// <summary>
/// <see cref="IStatusChangeBackplane"/> over PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c>: each page change is one
/// notification (JSON with the sending host's id, so a host skips its own) on <see cref="PostgreSqlBackplaneOptions.Channel"/>;
/// a change too large for one notification (8,000 bytes) is split by its events. Each subscription yields
/// <see cref="PageChange.Resync"/> once its <c>LISTEN</c> has run, since nothing sent before reaches it.
/// </summary>
internal sealed class PostgreSqlStatusChangeBackplane : IStatusChangeBackplane, IAsyncDisposable
{
    /// <summary>PostgreSQL's limit is "shorter than 8000 bytes" in the default configuration.</summary>
    internal const int MaxPayloadBytes = 7_999;

    /// <summary>
    /// Seconds between the keepalive round trips of an idle connection when the connection string sets none: the
    /// <c>LISTEN</c> connection only ever waits, so without them a connection dropped silently (a NAT or firewall
    /// timeout, a failover) would leave this host deaf to the others without an error.
    /// </summary>
    internal const int DefaultKeepaliveSeconds = 30;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly ILogger<PostgreSqlStatusChangeBackplane> _logger;

    public PostgreSqlStatusChangeBackplane(IOptions<PostgreSqlBackplaneOptions> options, ILogger<PostgreSqlStatusChangeBackplane> logger)
    {
        _dataSource = NpgsqlDataSource.Create(WithKeepalive(options.Value.ConnectionString!));
        _channel = options.Value.Channel;
        _logger = logger;
    }

    /// <summary>This host's id in the notifications it sends.</summary>
    public Guid HostId { get; } = Guid.NewGuid();

    public async Task PublishAsync(PageChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var payloads = new List<string>();
        AddPayloads(change.PageId, [.. change.Changes], payloads);
        await using var batch = _dataSource.CreateBatch();
        foreach (var payload in payloads)
        {
            var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = _channel });
            command.Parameters.Add(new NpgsqlParameter { Value = payload });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<PageChange> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) =>
        {
            if (e.Channel == _channel)
            {
                received.Writer.TryWrite(e.Payload);
            }
        };
        // LISTEN takes an identifier, so the channel is quoted: a name the validator accepts can be a reserved word
        // (user, select) that is a syntax error unquoted. Quoted, it is exactly the text pg_notify is given.
        await using (var listen = new NpgsqlCommand($"LISTEN {QuoteIdentifier(_channel)}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        Log.Listening(_logger, _channel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = WaitForNotificationsAsync(connection, received.Writer, stop.Token);
        try
        {
            // Listening from here on: whatever was sent before (while the connection was down, or before this host
            // first listened) may be missed, so the host rebuilds the snapshots it holds.
            yield return PageChange.Resync;
            await foreach (var payload in received.Reader.ReadAllAsync(cancellationToken))
            {
                if (Read(payload) is { } change)
                {
                    yield return change;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await waiting;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>The notification payloads of a page change: one, or more when its events do not fit in one.</summary>
    internal void AddPayloads(Guid pageId, StatusChanged[] changes, List<string> payloads)
    {
        var payload = JsonSerializer.Serialize(new BackplaneEnvelope(HostId, pageId, changes), BackplaneJsonContext.Default.BackplaneEnvelope);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes)
        {
            payloads.Add(payload);
        }
        else if (changes.Length > 1)
        {
            AddPayloads(pageId, changes[..(changes.Length / 2)], payloads);
            AddPayloads(pageId, changes[(changes.Length / 2)..], payloads);
        }
        else
        {
            Log.EventTooLarge(_logger, pageId);
            AddPayloads(pageId, [], payloads);
        }
    }

    /// <summary>The page change of another host's payload; null for this host's own or for a payload that is not one.</summary>
    internal PageChange? Read(string payload)
    {
        BackplaneEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(payload, BackplaneJsonContext.Default.BackplaneEnvelope);
        }
        catch (JsonException ex)
        {
            Log.UnreadableNotification(_logger, _channel, ex);
            return null;
        }

        if (envelope is null || envelope.Changes is null)
        {
            Log.UnreadableNotification(_logger, _channel, null);
            return null;
        }

        return envelope.Host == HostId ? null : new PageChange { PageId = envelope.Page, Changes = envelope.Changes };
    }

    /// <summary>The connection string, with <see cref="DefaultKeepaliveSeconds"/> when it sets no <c>Keepalive</c>.</summary>
    internal static string WithKeepalive(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = DefaultKeepaliveSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>A PostgreSQL quoted identifier (double quotes, an inner one doubled).</summary>
    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Lets the connection deliver notifications until stopped; a lost connection ends the reader with its error.</summary>
    private static async Task WaitForNotificationsAsync(NpgsqlConnection connection, ChannelWriter<string> writer, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await connection.WaitAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }
}
