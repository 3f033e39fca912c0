using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StatusKit.EntityFrameworkCore.Tests.MultiInstance;

/// <summary>Keeps every log entry of every host, so a test can show them and check that nothing went wrong.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, EventId EventId, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, EventId EventId, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message);
            owner._entries.Enqueue((logLevel, category, eventId, message));
        }
    }
}
