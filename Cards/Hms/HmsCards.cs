using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Hms;

/// <summary>
/// "hms-gruppe": the group card (its teams and members, and what the group does: name people, write to the teams,
/// propose a question, see results, start an improvement circle); the request to confirm; the message from the group.
/// </summary>
public static class HmsCards
{
    public static JsonObject Group(Language language, string teamId, HmsGroupView group, IReadOnlyList<(string Name, string UserId)> roster,
        IReadOnlyList<HmsTeamChoice> teams, string? notice = null)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["hms.title"]) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(Text(t["hms.intro"], subtle: true));
        body.Add(LabelledWritten(t["hms.teams"], string.Join(", ", group.TeamNames)));
        foreach (var member in group.Members)
        {
            var role = t[$"roles.{member.Role}"] + (member.Confirmed ? "" : " · " + t["hms.pending"]);
            body.Add(Labelled(Written(member.Name, bold: true), Text(role, subtle: !member.Confirmed)));
        }
        var actions = new List<JsonNode>();
        if (roster.Count > 0)
        {
            actions.Add(ShowCard(t["hms.name"],
            [
                ChoiceSet("person", t["roles.person"], roster, roster[0].UserId),
                ChoiceSet("role", t["roles.role"], HmsVerbs.MemberRoles.Select(r => (t[$"roles.{r}"], r)), "tillitsvalgt"),
            ], Execute(t["hms.name.send"], HmsVerbs.Name, new HmsNamePayload(teamId))));
        }
        actions.Add(ShowCard(t["hms.post"], [TextInput("message", t["hms.post.message"], HmsVerbs.MaxMessage, multiline: true)],
            Execute(t["hms.post.send"], HmsVerbs.Post, new HmsPostPayload(teamId))));
        actions.Add(ShowCard(t["hms.question"],
        [
            TextInput("text", t["hms.question.text"], HmsVerbs.MaxQuestion),
            TextInput("low", t["hms.question.low"], HmsVerbs.MaxLabel),
            TextInput("high", t["hms.question.high"], HmsVerbs.MaxLabel),
        ], Execute(t["hms.question.send"], HmsVerbs.Question, new HmsQuestionPayload(teamId))));
        actions.Add(ShowCard(t["circle.start"],
        [
            ChoiceSet("circleTeam", t["circle.start.team"], teams.Select(c => (c.Name, c.TeamId)), teamId),
            TextInput("topic", t["circle.start.topic"], HmsVerbs.MaxTopic),
        ], Execute(t["circle.start.send"], HmsVerbs.StartCircle, new CircleStartPayload(teamId))));
        actions.Add(Execute(t["hms.results"], HmsVerbs.Results, new HmsRef(teamId)));
        return Card(body, actions);
    }

    /// <summary>No group for the team yet, but the leader is in others: add the team to one of them, or make a new one.</summary>
    public static JsonObject Choose(Language language, string teamId, IReadOnlyList<HmsTeamChoice> groups)
    {
        var t = Texts.For(language);
        var body = new List<JsonNode> { Heading(t["hms.title"]), Text(t["hms.choose"]) };
        var actions = groups.Select(g => (JsonNode)Execute(t.Format("hms.join", g.Name), HmsVerbs.Join, new HmsJoinPayload(teamId, g.TeamId))).ToList();
        actions.Add(Execute(t["hms.create"], HmsVerbs.Create, new HmsRef(teamId)));
        return Card(body, actions);
    }

    /// <summary>In the named person's personal chat: who named them, as what, and the button to confirm.</summary>
    public static JsonObject ConfirmRequest(Language language, string groupTeamId, string namedBy, string role, string teamName)
    {
        var t = Texts.For(language);
        return Card(
        [
            Heading(t["hms.title"]),
            Written(t.Format("hms.confirm.ask", Embedded(namedBy), t[$"roles.{role}"].ToLowerInvariant(), Embedded(teamName))),
            Text(t["hms.confirm.what"], subtle: true),
        ], [Execute(t["hms.confirm"], HmsVerbs.Confirm, new HmsRef(groupTeamId), style: "positive")]);
    }

    /// <summary>A message from the group in each of its teams' channels, signed with the confirmed members' names.</summary>
    public static JsonObject Message(Language language, string message, IReadOnlyList<HmsMemberView> members)
    {
        var t = Texts.For(language);
        var names = string.Join(", ", members.Select(m => $"{m.Name} ({t[$"roles.{m.Role}"]})"));
        return Card(
        [
            Text(t["hms.message.from"], bold: true, color: "Accent"),
            Written(message),
            Written(names, subtle: true),
        ]);
    }
}
