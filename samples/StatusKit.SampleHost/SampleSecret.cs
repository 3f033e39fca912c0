using System.Security.Cryptography;

namespace StatusKit.SampleHost;

/// <summary>
/// A secret the sample generates at its first start and keeps in its data directory, readable by its own user alone:
/// the directory is made owner-only (it also holds the database and the mail pickup folder, whose messages carry
/// unsubscribe links) and the file is written owner-read/write, on systems with Unix file modes.
/// </summary>
internal static class SampleSecret
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The secret kept in <paramref name="fileName"/>, made of <paramref name="generate"/> and kept there when there is none yet.</summary>
    /// <returns>The secret, and whether it was generated now.</returns>
    public static (string Value, bool Generated) ReadOrCreate(string dataDirectory, string fileName, Func<byte[], string> generate, int byteCount)
    {
        var file = Path.Combine(dataDirectory, fileName);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } stored)
        {
            return (stored, false);
        }

        CreateDirectory(dataDirectory);
        var value = generate(RandomNumberGenerator.GetBytes(byteCount));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
            if (File.Exists(file))
            {
                // An empty file left earlier keeps the mode it was made with: owner-only before the secret goes in.
                File.SetUnixFileMode(file, OwnerOnlyFile);
            }
        }

        using (var writer = new StreamWriter(file, options))
        {
            writer.Write(value);
        }

        return (value, true);
    }

    /// <summary>Creates <paramref name="directory"/> owner-only when it does not exist yet (an existing one is left as it is).</summary>
    public static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }
}
