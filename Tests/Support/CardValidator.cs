using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareCompanion.Tests.Support;

/// <summary>
/// One text a person sees on a rendered card: a TextBlock (markdown), a RichTextBlock (plain TextRuns), an input's value
/// or placeholder, or a dropdown choice. <see cref="Text"/> is what shows, <see cref="Html"/> how it was rendered; for
/// text with right-to-left letters, <see cref="Visual"/> is its characters in the order they appear, left to right.
/// <see cref="Cut"/>: the text runs past its block, so the card's edge hides its end.
/// </summary>
public sealed record ShownText(string Kind, string Text, string Html, string? Visual = null, bool Cut = false);

/// <summary>What Microsoft's library found wrong with a card, and what it shows at desktop and at phone width.</summary>
public sealed record CardRendering(string[] Errors, string[] Warnings, ShownTexts Shown);

public sealed record ShownTexts(ShownText[] Desktop, ShownText[] Phone);

/// <summary>
/// Runs Tests/js/validate-cards.mjs: Microsoft's adaptivecards library parses and validates each card in headless
/// Chromium and renders it as Teams does (markdown with markdown-it, Teams' light theme) to
/// TestResults/cards/&lt;name&gt;.png at desktop width and TestResults/cards/phone/&lt;name&gt;.png at phone width.
/// </summary>
public static class CardValidator
{
    public static async Task<IReadOnlyDictionary<string, CardRendering>> ValidateAsync(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        var input = Directory.CreateTempSubdirectory("cards-").FullName;
        try
        {
            foreach (var (name, card) in cards)
            {
                await File.WriteAllTextAsync(Path.Combine(input, name + ".json"), card.ToJsonString());
            }
            var (exitCode, output) = await ChildProcess.RunAsync("node",
                [RepoPaths.Script("validate-cards.mjs"), input, RepoPaths.Results("cards")], TimeSpan.FromMinutes(3));
            Assert.True(exitCode == 0, $"validate-cards.mjs failed ({exitCode}):\n{output}");
            var json = output.Split('\n').Last(l => l.StartsWith('{'));
            return JsonSerializer.Deserialize<Dictionary<string, CardRendering>>(json, JsonSerializerOptions.Web)!
                .ToDictionary(p => Path.GetFileNameWithoutExtension(p.Key), p => p.Value);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }
}
