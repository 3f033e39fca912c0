namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>One column of a row set read from a JSON parameter (see <see cref="StoreDialect.JsonRows"/>).</summary>
/// <param name="Name">The JSON property and column alias (a plain identifier).</param>
/// <param name="Kind">How to type it.</param>
internal sealed record JsonColumn(string Name, JsonColumnKind Kind);
