using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Scheduling;

/// <summary>A bot-wide job that runs once a day at a quiet hour: one id per day, so instances starting together add one.</summary>
public static class DailyJob
{
    public const string AllTenants = "*";

    /// <summary>The job at the next <paramref name="hourUtc"/>:00 UTC after now.</summary>
    public static ScheduledJob Next<TPayload>(JobKind<TPayload> kind, TPayload payload, int hourUtc, TimeProvider clock) where TPayload : class
    {
        var now = clock.GetUtcNow();
        var due = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hourUtc), TimeSpan.Zero);
        if (due <= now) due = due.AddDays(1);
        return kind.Create(AllTenants, due, payload, DateOnly.FromDateTime(due.UtcDateTime));
    }
}
