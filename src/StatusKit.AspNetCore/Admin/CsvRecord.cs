namespace StatusKit.AspNetCore.Admin;

/// <summary>One record of a CSV document (<see cref="CsvRecords"/>).</summary>
/// <param name="Line">The line it starts on (1 for the first), as an editor or a spreadsheet numbers it.</param>
/// <param name="Fields">Its fields, unquoted, in order; at least one.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
