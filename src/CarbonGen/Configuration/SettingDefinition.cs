using System;

namespace CarbonGen.Configuration;

/// <summary>One setting: its names in each source and how a raw value is read.</summary>
/// <param name="Property">Property of <see cref="CarbonOptions"/>.</param>
/// <param name="Environment">Environment variable, e.g. <c>CARBONGEN_COUNTRY</c>.</param>
/// <param name="JsonKey">Key in <c>carbongen.json</c>, or <see langword="null"/> when the setting cannot be set there.</param>
/// <param name="MsBuild">MSBuild property baked in at compile time, or <see langword="null"/>.</param>
/// <param name="Secret">Whether the value must never appear in a message (a token).</param>
/// <param name="Parse">Reads a raw value, given the settings resolved so far (a region depends on the country).</param>
internal sealed record SettingDefinition(
    string Property,
    string Environment,
    string? JsonKey,
    string? MsBuild,
    bool Secret,
    Func<string, CarbonOptions, ParseResult> Parse);
