using Microsoft.Extensions.Configuration;
using StatusKit.SampleHost;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The secrets the sample host generates at its first start are readable by its own user alone.</summary>
public sealed class SampleHostSecretTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "statuskit-secrets-" + Guid.NewGuid().ToString("N"));

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Generated_admin_key_and_link_signing_key_are_owner_only_in_an_owner_only_directory()
    {
        var data = Path.Combine(_parent, "App_Data");
        var configuration = new ConfigurationBuilder().Build();

        var key = AdminApiKey.Load(configuration, data);
        var links = SampleLinks.Load(configuration, data);

        const UnixFileMode ownerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.True(key.Generated);
        Assert.Equal(ownerReadWrite, File.GetUnixFileMode(Path.Combine(data, "admin-api-key.txt")));
        Assert.Equal(ownerReadWrite, File.GetUnixFileMode(Path.Combine(data, "link-signing-key.txt")));
        Assert.Equal(ownerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(key.Value, AdminApiKey.Load(configuration, data).Value);
        Assert.Equal(links.SigningKey, SampleLinks.Load(configuration, data).SigningKey);
    }

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }
}
