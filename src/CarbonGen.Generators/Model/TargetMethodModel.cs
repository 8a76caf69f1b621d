namespace CarbonGen.Generators.Model;

/// <summary>A tracked method that at least one call site in the compilation calls. Holds no symbol.</summary>
/// <param name="DisplayName">Name in reports: the <c>[Carbon("name")]</c> given, else the C# display, e.g. <c>MyApp.Primes.Sieve(int)</c>.</param>
/// <param name="ContainingTypeDisplay">Namespace-qualified containing type, e.g. <c>MyApp.Primes</c>.</param>
/// <param name="ContainingType">Fully qualified containing type for generated code, e.g. <c>global::MyApp.Primes</c>.</param>
/// <param name="Name">The method's simple name.</param>
/// <param name="IsStatic">Whether the method is static; an instance method gets a <c>this</c> receiver parameter.</param>
/// <param name="ReturnType">Fully qualified return type, or <c>void</c>.</param>
/// <param name="Parameters">The method's parameters, in order.</param>
/// <param name="DeclarationFile">File name of the declaration, when it is in source; otherwise <see langword="null"/>.</param>
/// <param name="DeclarationLine">One-based line of the declaration, or 0.</param>
internal sealed record TargetMethodModel(
    string DisplayName,
    string ContainingTypeDisplay,
    string ContainingType,
    string Name,
    bool IsStatic,
    string ReturnType,
    EquatableArray<ParameterModel> Parameters,
    string? DeclarationFile,
    int DeclarationLine)
{
    public bool ReturnsVoid => ReturnType == "void";
}
