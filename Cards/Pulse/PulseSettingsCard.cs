using System.Globalization;
using System.Text.Json.Nodes;
using CareCompanion.Cards.Languages;
using CareCompanion.Cards.Localization;
using static CareCompanion.Cards.Json.AdaptiveCardJson;

namespace CareCompanion.Cards.Pulse;

/// <summary>The values a settings card shows and returns; <see cref="TeamLanguage"/> is the language of the team's channel posts.</summary>
public sealed record PulseSettingsView(DayOfWeek Day, TimeOnly Time, int OpenDays, int MinAnswers, int MinComments, IReadOnlyList<string> Themes,
    string Delivery = "both", Language TeamLanguage = Language.Bokmal, int AnchorEvery = 4);

/// <summary>How often an anchor question may come: every second round at the most, every twelfth at the least.</summary>
public static class PulseSettingsLimits
{
    public const int LowestAnchorEvery = 2;
    public const int HighestAnchorEvery = 12;
}

/// <summary>The team's pulse settings as a card (innstillinger / settings); only leaders can save it.</summary>
public static class PulseSettingsCard
{
    /// <summary>Where the question goes (the values of <c>PulseSettings.Delivery</c>), in the order the card lists them.</summary>
    public static readonly IReadOnlyList<string> Deliveries = ["both", "personal", "channel"];

    public static JsonObject Build(PulseSettingsView settings, string teamId, Language language, string? notice = null)
    {
        var t = Texts.For(language);
        var culture = CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : language == Language.Nynorsk ? "nn-NO" : "nb-NO");
        var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var body = new List<JsonNode> { Heading(t["settings.title"]) };
        if (notice is not null) body.Add(Text(notice, bold: true));
        body.Add(ChoiceSet("day", t["settings.day"], days.Select(d => (culture.DateTimeFormat.GetDayName(d), d.ToString())), settings.Day.ToString()));
        body.Add(new JsonObject
        {
            ["type"] = "Input.Time", ["id"] = "time", ["label"] = t["settings.time"],
            ["value"] = settings.Time.ToString("HH:mm", CultureInfo.InvariantCulture), ["min"] = "08:00", ["max"] = "20:00",
        });
        body.Add(ChoiceSet("delivery", t["settings.delivery"], Deliveries.Select(d => (t[$"settings.delivery.{d}"], d)), settings.Delivery));
        body.Add(Number("openDays", t["settings.openDays"], settings.OpenDays, 1, 7));
        body.Add(Number("minAnswers", t["settings.minAnswers"], settings.MinAnswers, 3, 50));
        body.Add(Number("minComments", t["settings.minComments"], settings.MinComments, 5, 50));
        body.Add(Number("anchorEvery", t["settings.anchorEvery"], settings.AnchorEvery, PulseSettingsLimits.LowestAnchorEvery, PulseSettingsLimits.HighestAnchorEvery));
        body.Add(ChoiceSet("themes", t["settings.themes"], QuestionTheme.All.Select(th => (t[$"theme.{th}"], th)), string.Join(",", settings.Themes), multiSelect: true));
        body.Add(ChoiceSet("language", t["settings.teamLanguage"], Enum.GetValues<Language>().Select(l => (TeamLanguageCard.OwnName(l), l.Code())),
            settings.TeamLanguage.Code()));
        return Card(body, [Execute(t["settings.save"], PulseVerbs.SaveSettings, new PulseSettingsPayload(teamId))]);
    }

    private static JsonObject Number(string id, string label, int value, int min, int max) => new()
    {
        ["type"] = "Input.Number", ["id"] = id, ["label"] = label, ["value"] = value, ["min"] = min, ["max"] = max,
    };
}
