namespace StatusKit.Notifications.Sms;

/// <summary>
/// How much text fits in SMS segments. A text of only GSM-7 characters (3GPP TS 23.038's default alphabet and its
/// extension table, whose characters take two places) fits 160 in one segment and 153 per segment of a longer one; any
/// other character makes the whole text UCS-2: 70 UTF-16 code units in one segment, 67 per segment of a longer one (an
/// emoji, a surrogate pair, takes two).
/// </summary>
internal static class SmsSegments
{
    private const string Basic =
        "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9"
        + " !\"#\u00a4%&'()*+,-./0123456789:;<=>?\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

    private const string Extension = "^{}\\[~]|\u20ac\f";

    /// <summary>Whether every character of <paramref name="text"/> is in the GSM-7 alphabet or its extension table.</summary>
    public static bool IsGsm7(string text)
    {
        foreach (var c in text)
        {
            if (!Basic.Contains(c, StringComparison.Ordinal) && !Extension.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The places <paramref name="text"/> takes in its encoding: GSM-7 septets, or UCS-2 code units.</summary>
    public static int Length(string text)
    {
        if (!IsGsm7(text))
        {
            return text.Length;
        }

        var length = 0;
        foreach (var c in text)
        {
            length += Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1;
        }

        return length;
    }

    /// <summary>How many segments <paramref name="text"/> is sent in.</summary>
    public static int Count(string text)
    {
        var (single, multi) = IsGsm7(text) ? (160, 153) : (70, 67);
        var length = Length(text);
        return length <= single ? 1 : (length + multi - 1) / multi;
    }

    /// <summary>The most places two segments hold: 306 GSM-7 septets, or 134 UCS-2 code units.</summary>
    public static int TwoSegments(bool gsm7) => gsm7 ? 2 * 153 : 2 * 67;
}
