namespace CareCompanion.Cards.Pulse;

/// <summary>
/// The font the chart draws its words in. ScottPlot's Skia on Linux is built without fontconfig, so it cannot find a
/// system font by name: the file is registered by path (the Docker image installs fonts-dejavu-core for it).
/// </summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";
    private const string Path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly Lazy<bool> Registered = new(() =>
    {
        if (!File.Exists(Path)) return false;
        ScottPlot.Fonts.AddFontFile(Family, Path);
        return true;
    });

    /// <summary>The family to use: DejaVu Sans when its file is there, else ScottPlot's default.</summary>
    public static string Name => Registered.Value ? Family : ScottPlot.Fonts.Default;
}
