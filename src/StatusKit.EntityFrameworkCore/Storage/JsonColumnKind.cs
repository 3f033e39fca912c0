namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>The types a JSON row-set column can have.</summary>
internal enum JsonColumnKind
{
    Text,
    Uuid,
    Int32,
    Int64,
    Boolean,
    Instant,
}
