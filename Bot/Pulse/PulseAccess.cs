using CareCompanion.Bot.Roles;
using CareCompanion.Cards.Localization;
using CareCompanion.Storage.Pulse;
using Microsoft.Bot.Schema;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// For the cards that change a team's pulse (settings, the team's own questions): the caller, if they hold one of the
/// roles in the team's channel, with the team's pulse settings; otherwise the refusal to show them.
/// </summary>
public sealed class PulseAccess(PulseRepository pulse, TeamRoles roles)
{
    public async Task<(Caller? Caller, PulseSettings? Settings, string? Refusal)> RequireAsync(
        Activity activity, IReadOnlyList<string> anyOf, string refusalKey, CancellationToken ct)
    {
        var (caller, refusal) = await roles.RequireAsync(activity, anyOf, refusalKey, ct);
        if (caller is null) return (null, null, refusal);
        var settings = await pulse.GetSettingsAsync(caller.TenantId, caller.TeamId, ct);
        return settings is null ? (caller, null, Texts.ForLocale(activity.Locale)["command.teamOnly"]) : (caller, settings, null);
    }
}
