using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Networks;
using CareCompanion.Storage.Networks;

namespace CareCompanion.Bot.Networks;

/// <summary>
/// "nettverksinnstillinger" in a team channel, for the municipality's admin (<see cref="Roles.TenantRoles"/>): whether
/// its teams may be in networks with other municipalities (off until switched on), the name other units see, and who
/// may create networks (chosen from the team's roster).
/// </summary>
public sealed class NetworkSettingsHandler(NetworkRepository networks, TimeProvider clock)
{
    public async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var settings = await networks.SettingsAsync(turn.Caller!.TenantId, ct);
        return Reply.Card(await CardAsync(turn, settings, null, ct));
    }

    public async Task<Reply> SaveAsync(Turn turn, CancellationToken ct)
    {
        var caller = turn.Caller!;
        if (turn.Payload<NetworkSettingsPayload>() is not { } data) return Reply.Text(turn.T["network.error"]);
        var current = await networks.SettingsAsync(caller.TenantId, ct);
        var offered = (await PeopleAsync(turn, current, ct)).Select(p => p.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = (data.Coordinators ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(offered.Contains);
        var saved = current with
        {
            CrossTenantAllowed = data.CrossTenant == "true",
            MunicipalityName = (data.Municipality ?? "").Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, NetworkVerbs.MaxMunicipality)] : current.MunicipalityName,
            Coordinators = [.. chosen.Distinct(StringComparer.OrdinalIgnoreCase)],
            ChangedBy = caller.UserAadObjectId,
            ChangedAt = clock.GetUtcNow(),
        };
        await networks.SaveSettingsAsync(saved, ct);
        return Reply.Card(await CardAsync(turn, saved, turn.T["network.settings.saved"], ct));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> CardAsync(Turn turn, TenantNetworkSettings settings, string? notice, CancellationToken ct) =>
        NetworkSettingsCard.Build(turn.Language, turn.Caller!.TeamId, settings.CrossTenantAllowed, settings.MunicipalityName,
            await PeopleAsync(turn, settings, ct), settings.Coordinators, notice);

    /// <summary>The team's roster, and the coordinators named already (from other teams too), so saving never drops one by accident.</summary>
    private static async Task<IReadOnlyList<CoordinatorChoice>> PeopleAsync(Turn turn, TenantNetworkSettings settings, CancellationToken ct)
    {
        var roster = (await turn.RosterAsync(turn.Caller!.TeamId, NetworkVerbs.MaxCoordinatorChoices, ct))
            .Where(m => m.AadObjectId is { Length: > 0 }).Select(m => new CoordinatorChoice(m.AadObjectId!, m.Name)).ToList();
        var others = settings.Coordinators.Where(c => roster.All(m => !m.AadObjectId.Equals(c, StringComparison.OrdinalIgnoreCase)))
            .Select(c => new CoordinatorChoice(c, turn.T["network.settings.otherTeam"]));
        return [.. roster.OrderBy(m => m.Name), .. others];
    }
}
