namespace CarbonGen.Generators.Model;

/// <summary>One call to a tracked method that the generator intercepts. Holds no symbol, node or location object.</summary>
/// <param name="FilePath">Path of the file that makes the call (groups the output per file).</param>
/// <param name="Line">One-based line of the call.</param>
/// <param name="Column">One-based column of the call.</param>
/// <param name="LocationVersion">First argument of <c>[InterceptsLocation]</c>.</param>
/// <param name="LocationData">Second argument of <c>[InterceptsLocation]</c> (encodes the file's checksum and the position).</param>
/// <param name="Target">The method called.</param>
internal sealed record CallSiteModel(
    string FilePath,
    int Line,
    int Column,
    int LocationVersion,
    string LocationData,
    TargetMethodModel Target);
