using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Privacy;

/// <summary>What is stored about the person ("mine data"), and the confirmation before deleting it.</summary>
public static class PrivacyCards
{
    /// <summary>
    /// The export: a readable summary (roles by their names, personal chats as a count) and everything as JSON, which
    /// the person can copy. <paramref name="roles"/> are role codes ("leader"); nobody reads a Teams id.
    /// </summary>
    public static JsonObject Export(Language language, IReadOnlyList<string> roles, int chats, int inactiveChats, string json)
    {
        var t = Texts.For(language);
        var run = Run(json, size: "Small");
        run["fontType"] = "Monospace";
        var roleNames = roles.Select(code => t.Has($"roles.{code}") ? t[$"roles.{code}"] : code);
        var chatCount = chats.ToString(CultureInfo.InvariantCulture) + (inactiveChats > 0 ? " " + t.Format("privacy.inactive", inactiveChats) : "");
        return Card(
        [
            Heading(t["privacy.title"]),
            LabelledWritten(t["privacy.roles"], roles.Count == 0 ? t["privacy.none"] : string.Join(", ", roleNames)),
            LabelledText(t["privacy.chats"], chats == 0 ? t["privacy.none"] : chatCount),
            Text(t["privacy.anonymous"]),
            Text(t["privacy.all"], bold: true),
            Line(run),
            Text(t["privacy.howToDelete"], subtle: true),
        ]);
    }

    /// <summary>What "slett mine data" did: the role rows (one per team), the chats it forgot, the ideas it took the person out of.</summary>
    public static string Deleted(Language language, int roleTeams, int chats, int ideas)
    {
        var t = Texts.For(language);
        return t.Format("privacy.deleted",
            t.Format("privacy.deleted.roles", roleTeams), t.Format("privacy.deleted.chats", chats), t.Format("privacy.deleted.ideas", ideas));
    }

    /// <summary>The confirmation before deleting; its button acts only for <paramref name="person"/>, who asked.</summary>
    public static JsonObject ConfirmDelete(Language language, string person)
    {
        var t = Texts.For(language);
        // One block per paragraph: what goes, what stays without the name, what does not change.
        var paragraphs = t["privacy.confirmText"].Split("\n\n").Select(p => (JsonNode)Text(p));
        return Card([Heading(t["privacy.confirmTitle"]), .. paragraphs],
            [Execute(t["privacy.confirm"], PrivacyVerbs.Delete, new PrivacyDeletePayload(person), style: "destructive")]);
    }
}
