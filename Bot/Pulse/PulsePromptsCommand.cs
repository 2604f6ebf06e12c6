using CareCompanion.Bot.Teams;
using CareCompanion.Storage.People;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// "pause", "stopp påminnelser" and "start påminnelser": what the weekly question may send to the person's own chat.
/// Stored with the person's own choices, so "mine data" shows it and "slett mine data" removes it.
/// </summary>
public sealed class PulsePromptsCommand(PersonSettingsRepository people)
{
    public Task<Reply> PauseAsync(Turn turn, CancellationToken ct) => SetAsync(turn, PulsePrompts.Paused, ct);

    public Task<Reply> StopRemindersAsync(Turn turn, CancellationToken ct) => SetAsync(turn, PulsePrompts.NoReminders, ct);

    public Task<Reply> ResumeAsync(Turn turn, CancellationToken ct) => SetAsync(turn, PulsePrompts.On, ct);

    private async Task<Reply> SetAsync(Turn turn, PulsePrompts prompts, CancellationToken ct)
    {
        await people.SetPulsePromptsAsync(turn.TenantId!, turn.PersonId!, prompts, ct);
        return Reply.Text(turn.T["pulse.prompts." + prompts]);
    }
}
