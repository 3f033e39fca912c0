using System.Security.Cryptography;

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

        var file = Path.Combine(dataDirectory, "admin-api-key.txt");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } stored)
        {
            return new AdminApiKey(stored, generated: false, dataDirectory);
        }

        System.IO.Directory.CreateDirectory(dataDirectory);
        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(file, value);
        return new AdminApiKey(value, generated: true, dataDirectory);
    }
}
