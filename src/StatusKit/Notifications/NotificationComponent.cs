namespace StatusKit.Notifications;

/// <summary>
/// A component a status incident's or a maintenance window's notice concerns, as it was named when the notice was
/// planned (see <see cref="NotificationContent.AffectedComponents"/>).
/// </summary>
/// <param name="Id">The component's id.</param>
/// <param name="Name">The component's name when the notice was planned.</param>
public sealed record NotificationComponent(Guid Id, string Name);
