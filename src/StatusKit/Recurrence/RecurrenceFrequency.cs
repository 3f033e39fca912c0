namespace StatusKit.Recurrence;

/// <summary>
/// The FREQ rule part. Ordered from the coarsest to the finest period, so "coarser than hourly"
/// reads as <c>frequency &lt; Hourly</c>.
/// </summary>
internal enum RecurrenceFrequency
{
    Yearly = 0,
    Monthly = 1,
    Weekly = 2,
    Daily = 3,
    Hourly = 4,
    Minutely = 5,
    Secondly = 6,
}
