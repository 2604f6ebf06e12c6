using CareCompanion.Storage.Hms;

namespace CareCompanion.Bot.Hms;

/// <summary>What the HMS group and the circles hold about a person (for "mine data") and how it is forgotten ("slett mine data").</summary>
public static class HmsPersonalData
{
    public static object Export(IEnumerable<HmsGroup> groups, IEnumerable<Circle> circles, string person) => new
    {
        hmsGroups = groups.SelectMany(g => g.Members.Where(m => m.AadObjectId == person)
            .Select(m => new { teams = g.Teams.Select(t => t.Name), m.Role, m.Confirmed, m.Name })),
        circleInputs = circles.SelectMany(c => c.Phases.SelectMany(p => p.Inputs.Where(i => i.ByAadObjectId == person)
            .Select(i => new { circle = c.Topic, phase = p.Phase + 1, i.Text, i.At }))),
    };

    /// <summary>The group without the person in it, or null if they were not.</summary>
    public static HmsGroup? Forget(HmsGroup group, string person) =>
        group.Members.Any(m => m.AadObjectId == person) ? group with { Members = [.. group.Members.Where(m => m.AadObjectId != person)] } : null;

    /// <summary>The circle with the person's named inputs kept but without their id and name, or null if it held none.</summary>
    public static Circle? Forget(Circle circle, string person) =>
        circle.Phases.Any(p => p.Inputs.Any(i => i.ByAadObjectId == person))
            ? circle with
            {
                Phases = [.. circle.Phases.Select(p => p with { Inputs = [.. p.Inputs.Select(i => i.ByAadObjectId == person ? i with { ByAadObjectId = null, ByName = null } : i)] })],
            }
            : null;
}
