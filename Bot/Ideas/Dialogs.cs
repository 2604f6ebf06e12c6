using System.Text.Json.Nodes;
using CareCompanion.Bot.Teams;
using CareCompanion.Cards.Localization;
using Microsoft.Bot.Schema.Teams;

namespace CareCompanion.Bot.Ideas;

/// <summary>Answers to Teams' dialog invokes (task/fetch, task/submit and the messaging extension's action commands).</summary>
public static class Dialogs
{
    public static TaskModuleResponse Form(Texts t, JsonObject card) => new()
    {
        Task = new TaskModuleContinueResponse(new TaskModuleTaskInfo
        {
            Title = t["idea.form.title"],
            Card = CardMessage.ToAttachment(card),
            Height = "large",
            Width = "medium",
        }),
    };

    public static TaskModuleResponse Message(string text) => new() { Task = new TaskModuleMessageResponse(text) };
}
