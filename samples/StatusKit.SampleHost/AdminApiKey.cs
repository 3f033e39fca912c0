namespace StatusKit.SampleHost;

/// <summary>
/// The sample's admin API key: <c>Sample:AdminApiKey</c> from configuration, else the one generated at the first start
/// and kept in the data directory (printed once, when generated).
/// </summary>
public sealed class AdminApiKey
{
    private AdminApiKey(string value, bool generated, string directory)
    {
        Value = value;
        Generated = generated;
        Directory = directory;
    }

    public string Value { get; }

    public bool Generated { get; }

    public string Directory { get; }

    public static AdminApiKey Load(IConfiguration configuration, string dataDirectory)
    {
        if (configuration["Sample:AdminApiKey"] is { Length: > 0 } configured)
        {
            return new AdminApiKey(configured, generated: false, dataDirectory);
        }

        var (value, generated) = SampleSecret.ReadOrCreate(dataDirectory, "admin-api-key.txt", Convert.ToHexStringLower, 24);
        return new AdminApiKey(value, generated, dataDirectory);
    }
}
