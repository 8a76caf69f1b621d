namespace CarbonGen.Generators.Model;

/// <summary>A parameter of a tracked method, as the interceptor must redeclare it.</summary>
/// <param name="Type">Fully qualified type, with nullable annotations, e.g. <c>string?</c> or <c>global::System.IO.Stream</c>.</param>
/// <param name="Name">The parameter's name.</param>
/// <param name="Modifier">Declaration modifier: <c>""</c>, <c>"ref "</c>, <c>"out "</c>, <c>"in "</c>, <c>"ref readonly "</c> or <c>"params "</c>.</param>
/// <param name="ArgumentModifier">Modifier when passing the argument on: <c>""</c>, <c>"ref "</c>, <c>"out "</c> or <c>"in "</c>.</param>
/// <param name="Attributes">Attributes to repeat on the interceptor's parameter (nullable flow analysis), as C# source.</param>
internal sealed record ParameterModel(string Type, string Name, string Modifier, string ArgumentModifier, string Attributes);
