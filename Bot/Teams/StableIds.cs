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
        : Hash($"{tenantId}|{activityId}");

    /// <summary>
    /// The id of what a form creates, from the form's one-time id (<see cref="NewFormId"/>, put in the card when it was
    /// built): pressing the same form again — a new activity, after a storage fault or a lost answer — finds the first
    /// press's row, which the caller must check is the same person's. <paramref name="keyed"/> hashes with a secret: a
    /// form posted in a channel shows its id to every member, and an unkeyed hash would let them find the anonymous idea
    /// it became. A card without a form id (sent before form ids existed) falls back to the activity.
    /// </summary>
    public static string ForForm(string tenantId, string? formId, string? activityId, Func<string, string> keyed) =>
        IsFormId(formId) ? keyed($"{tenantId}|form|{formId}")[..16].ToLowerInvariant() : For(tenantId, activityId);

    public static string NewFormId() => Guid.NewGuid().ToString("N");

    /// <summary>What <see cref="NewFormId"/> makes: 32 hex digits. Anything else in a card is not a form id.</summary>
    public static bool IsFormId(string? formId) => formId is { Length: 32 } && formId.All(char.IsAsciiHexDigit);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
}
