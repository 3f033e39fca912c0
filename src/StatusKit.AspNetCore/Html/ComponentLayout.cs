using System.Security.Cryptography;
using System.Text;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// A short token for how a page lists its components: which ones, in what order, with what names, descriptions and
/// groups, whether each is shown only while degraded and which upstream page a third-party one follows, but not their
/// statuses. The page writes it on its components
/// section (<c>data-layout</c>), so its script, on a refetch, replaces that section only when the list itself changed
/// and otherwise copies the statuses into the rows the reader has in front of them; the subscribe form's list of
/// components carries its own (<see cref="OfChoices"/>). Pure.
/// </summary>
internal static class ComponentLayout
{
    public static string Of(IReadOnlyList<ComponentSnapshot> components) => Token(components, rows: true);

    /// <summary>
    /// The token for the subscribe form's list of components (<see cref="SubscribeForm"/>), which names them with their
    /// groups but shows no description and no flag: a change to those leaves the list, and what the reader ticked in it,
    /// alone.
    /// </summary>
    public static string OfChoices(IReadOnlyList<ComponentSnapshot> components) => Token(components, rows: false);

    // rows: with what only the components section's rows show.
    private static string Token(IReadOnlyList<ComponentSnapshot> components, bool rows)
    {
        var text = new StringBuilder();
        foreach (var component in components)
        {
            // Each field prefixed with its length, so no name can pass for another's fields.
            Field(text, component.Id.ToString("N"));
            Field(text, component.Name);
            Field(text, rows ? component.Description : null);
            Field(text, component.GroupName);
            text.Append(rows && component.OnlyShowIfDegraded ? '1' : '0'); // the row's data-only-show-if-degraded
            if (rows && component.UpstreamHost is { } host)
            {
                // The row's third-party note; only when there is one, so the token of every other row is unchanged.
                text.Append('u');
                Field(text, host);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
    }

    private static void Field(StringBuilder text, string? value) =>
        text.Append(value is null ? "-" : value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value);
}
