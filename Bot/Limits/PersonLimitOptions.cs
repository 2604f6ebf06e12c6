namespace CareCompanion.Bot.Limits;

/// <summary>How much one person may send in a while (section "PersonLimits"); a count of 0 turns a limit off.</summary>
public sealed class PersonLimitOptions
{
    public const string Section = "PersonLimits";

    public PersonLimit Ideas { get; set; } = new() { Count = 10, Window = TimeSpan.FromMinutes(10) };

    public PersonLimit Comments { get; set; } = new() { Count = 20, Window = TimeSpan.FromMinutes(10) };

    public PersonLimit CheckIns { get; set; } = new() { Count = 10, Window = TimeSpan.FromMinutes(10) };
}

public sealed class PersonLimit
{
    public int Count { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>What is limited: each kind is counted on its own.</summary>
public enum LimitKind { Ideas, Comments, CheckIns }
