namespace CareCompanion.Storage.People;

/// <summary>What a person lets the weekly question send to their personal chat (the team's channel is not theirs to choose).</summary>
public enum PulsePrompts
{
    /// <summary>The question each week and one reminder before the round closes (nothing stored: the default).</summary>
    On,
    /// <summary>The question each week, no reminder.</summary>
    NoReminders,
    /// <summary>Neither: the person finds the question in the channel, or types "spørsmål".</summary>
    Paused,
}
