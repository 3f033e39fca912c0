namespace StatusKit.AspNetCore.Embed;

/// <summary>The bytes of <c>embed.js</c> for one accent, and their strong entity tag (a hash of the bytes).</summary>
/// <param name="Bytes">The script, UTF-8.</param>
/// <param name="ETag">The quoted strong entity tag of <paramref name="Bytes"/>.</param>
internal sealed record PreparedEmbed(byte[] Bytes, string ETag);
