using System.Security.Cryptography;
using System.Text;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// The id of what a submit creates (an idea, a goal), from the submitting activity: Teams gives a redelivered activity
/// the same id, so the same submit twice finds the row the first one made. Without an activity id, a fresh one.
/// </summary>
public static class StableIds
{
    public static string For(string tenantId, string? activityId) => string.IsNullOrEmpty(activityId)
        ? Guid.NewGuid().ToString("N")[..16]
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}|{activityId}")))[..16].ToLowerInvariant();
}
