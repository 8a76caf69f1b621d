namespace CarbonGen.Generators.Model;

/// <summary>The call sites of one source file: one generated file of interceptors.</summary>
/// <param name="HintName">Unique name of the generated file, e.g. <c>Program.Carbon.g.cs</c>.</param>
/// <param name="FileName">Name of the source file, for comments.</param>
/// <param name="CallSites">The file's call sites, sorted by position.</param>
internal sealed record FileInterceptorsModel(string HintName, string FileName, EquatableArray<CallSiteModel> CallSites);
