using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Roles;

/// <summary>Someone in the team, as the card names them: their name, Teams user id, and the roles they hold.</summary>
public sealed record RoleMember(string Name, string UserId, IReadOnlyList<string> Roles);

/// <summary>"roller" / "roles": who holds which role in the team, and a form for a leader to give or take one.</summary>
public static class RolesCard
{
    public static readonly IReadOnlyList<string> Roles = ["leader", "coach", "admin", "tillitsvalgt", "verneombud"];
    public const int MaxMembers = 100;

    public static JsonObject Build(Language language, string teamId, IReadOnlyList<RoleMember> members, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["roles.title"]) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t["roles.intro"], subtle: true));
        var holders = members.Where(m => m.Roles.Count > 0).ToList();
        if (holders.Count == 0) body.Add(Text(t["roles.none"], subtle: true));
        foreach (var holder in holders)
        {
            body.Add(Labelled(Written(holder.Name, bold: true), Text(string.Join(", ", holder.Roles.Select(r => t[$"roles.{r}"])))));
        }
        var people = members.Take(MaxMembers).ToList();
        body.Add(ChoiceSet("person", t["roles.person"], people.Select(m => (m.Name, m.UserId)), people.FirstOrDefault()?.UserId ?? ""));
        body.Add(ChoiceSet("role", t["roles.role"], Roles.Select(r => (t[$"roles.{r}"], r)), "coach"));
        body.Add(ChoiceSet("change", t["roles.change"], [(t["roles.grant"], "grant"), (t["roles.revoke"], "revoke")], "grant"));
        return Card(body, [Execute(t["roles.save"], RoleVerbs.Set, new RoleChangePayload(teamId))]);
    }
}
