using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareCompanion.Tests.Support;

public sealed record CardProblems(string[] Errors, string[] Warnings);

/// <summary>
/// Runs Tests/js/validate-cards.mjs: Microsoft's adaptivecards library parses and validates each card in headless
/// Chromium and renders it to TestResults/cards/&lt;name&gt;.png.
/// </summary>
public static class CardValidator
{
    public static async Task<IReadOnlyDictionary<string, CardProblems>> ValidateAsync(IEnumerable<(string Name, JsonObject Card)> cards)
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
            return JsonSerializer.Deserialize<Dictionary<string, CardProblems>>(json, JsonSerializerOptions.Web)!
                .ToDictionary(p => Path.GetFileNameWithoutExtension(p.Key), p => p.Value);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }
}
