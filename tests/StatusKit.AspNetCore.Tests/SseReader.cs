namespace StatusKit.AspNetCore.Tests;

/// <summary>Reads Server-Sent Events (type, id, data) from a response stream; comments are counted.</summary>
public sealed class SseReader(Stream stream)
{
    private readonly StreamReader _reader = new(stream);

    public int Comments { get; private set; }

    public async Task<(string Type, string? Id, string Data)> NextAsync(CancellationToken cancellationToken)
    {
        string type = "message";
        string? id = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException();
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (type, id, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line[6..]);
            }
        }
    }

    public async Task<(string Type, string? Id, string Data)> NextOfTypeAsync(string type, Func<string, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var item = await NextAsync(cancellationToken);
            if (item.Type == type && match(item.Data))
            {
                return item;
            }
        }
    }
}
