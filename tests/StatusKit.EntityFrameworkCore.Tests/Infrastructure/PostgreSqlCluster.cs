using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free
/// loopback port with trust authentication (as the <c>postgres</c> OS user when the tests run as root), one database
/// per test class, stopped and deleted at the end. When it cannot start, <see cref="CreateDatabaseAsync"/> throws
/// with the reason (and under <c>CI=true</c> the fixture itself fails).
/// </summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "statuskit-pg-" + Guid.NewGuid().ToString("N"));
    private string? _failure;
    private bool _started;

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root, "data");

    private string SocketDirectory => Path.Combine(_root, "run");

    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        try
        {
            Directory.CreateDirectory(_root);
            Directory.CreateDirectory(SocketDirectory);
            if (IsRoot())
            {
                await RunAsync("chown", ["-R", "postgres:postgres", _root], asPostgres: false);
            }

            await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);
            Port = FreePort();
            var options = $"-p {Port} -k {SocketDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                          "-c full_page_writes=off -c max_connections=400";
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "30", "-o", options, "start"], asPostgres: true);
            _started = true;
            await WaitUntilReadyAsync();
        }
        catch (Exception exception) when (!RunningInCi)
        {
            _failure = $"PostgreSQL 15 could not be started ({exception.GetType().Name}: {exception.Message}). " +
                       "Install PostgreSQL (initdb, pg_ctl on PATH) to run these tests.";
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException(_failure);
        }

        var database = (name.ToLowerInvariant() + "_" + Guid.NewGuid().ToString("N")[..8]).Replace('.', '_');
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(database, pooling: true);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try
            {
                await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
            }
            catch (InvalidOperationException)
            {
                // The cluster is gone with its folder below either way.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A connection string to a database of this cluster that is not created (a host's migration creates it).</summary>
    public string MissingDatabase(string name) => ConnectionString(name + "_" + Guid.NewGuid().ToString("N")[..8], pooling: true);

    // Every test database has its own pool, and a finished test's pool would keep its idle connections for Npgsql's
    // default 300 s: on a slow run they added up past the server's limit ("53300: too many clients"). Idle ones are
    // closed after 2 s here instead.
    private string ConnectionString(string database, bool pooling) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling={pooling};Maximum Pool Size=50;" +
        "Connection Idle Lifetime=2;Connection Pruning Interval=1;Timeout=30;Command Timeout=60";

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < Timeout)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException exception)
            {
                last = exception;
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException($"PostgreSQL did not accept connections within {Timeout.TotalSeconds} s.", last);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && IsRoot() ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && IsRoot())
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout + TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
