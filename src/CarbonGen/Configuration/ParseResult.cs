namespace CarbonGen.Configuration;

/// <summary>The outcome of reading one raw setting value: a typed value (perhaps with a note), or the reason it cannot be used.</summary>
internal readonly record struct ParseResult(bool Ok, object? Value, string? Problem, string? Note)
{
    internal static ParseResult Success(object? value, string? note = null) => new(true, value, null, note);

    internal static ParseResult Fail(string problem) => new(false, null, problem, null);
}
