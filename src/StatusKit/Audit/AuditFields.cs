namespace StatusKit.Audit;

/// <summary>Collects the names of the fields an edit changed, comparing before and after; never their values.</summary>
internal sealed class AuditFields
{
    private readonly List<string> _names = [];

    /// <summary>Names <paramref name="name"/> when <paramref name="before"/> and <paramref name="after"/> differ.</summary>
    public AuditFields Add<T>(string name, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            _names.Add(name);
        }

        return this;
    }

    /// <summary>Names <paramref name="name"/> when the two lists differ in content or order.</summary>
    public AuditFields AddList<T>(string name, IReadOnlyList<T>? before, IReadOnlyList<T>? after)
    {
        if (!(before ?? []).SequenceEqual(after ?? []))
        {
            _names.Add(name);
        }

        return this;
    }

    /// <summary>Whether any field changed.</summary>
    public bool Any => _names.Count > 0;

    /// <summary>The names, in the order they were added.</summary>
    public IReadOnlyList<string> Names => [.. _names];
}
