namespace CareCompanion.Storage.Pulse;

/// <summary>
/// A question a team's leader or coach wrote for their own team, in their own words (one language). Who wrote it is
/// not stored. Type and theme use the library's values ("scale", "scale+comment", "text"; "ethics", …).
/// </summary>
public sealed record TeamQuestion(string Id, string Theme, string Type, string Text, string? Low, string? High);
