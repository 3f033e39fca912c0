using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace StatusKit.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlBackplaneOptions"/> at start-up, naming each bad field.</summary>
internal sealed partial class PostgreSqlBackplaneOptionsValidator : IValidateOptions<PostgreSqlBackplaneOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlBackplaneOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("ConnectionString: required (the PostgreSQL database the hosts share).");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"ConnectionString: not a PostgreSQL connection string ({ex.Message}).");
            }
        }

        if (options.Channel is null || !ChannelName().IsMatch(options.Channel))
        {
            failures.Add($"Channel: must be a lower-case identifier of 1-63 letters, digits and underscores, not starting with a digit (was '{options.Channel}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelName();
}
