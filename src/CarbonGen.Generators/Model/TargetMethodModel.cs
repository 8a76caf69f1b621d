namespace CarbonGen.Generators.Model;

/// <summary>A tracked method that at least one call site in the compilation calls. Holds no symbol.</summary>
/// <param name="DisplayName">Name in reports: the <c>[Carbon("name")]</c> given, else the C# display, e.g. <c>MyApp.Primes.Sieve(int)</c>.</param>
/// <param name="ContainingTypeDisplay">Namespace-qualified containing type, e.g. <c>MyApp.Primes</c>.</param>
/// <param name="ContainingType">Fully qualified containing type for generated code, e.g. <c>global::MyApp.Box&lt;T&gt;</c>.</param>
/// <param name="Name">The method's simple name.</param>
/// <param name="Kind">How the work is measured: <c>Synchronous</c>, <c>Asynchronous</c>, <c>Iterator</c> or <c>AsyncIterator</c> (the runtime's <c>TrackedMethodKind</c>).</param>
/// <param name="Receiver">
/// How the interceptor takes the receiver: <c>""</c> for a static method, <c>"this "</c> for a class or interface
/// instance, <c>"this ref "</c> or <c>"this in "</c> for a struct instance.
/// </param>
/// <param name="IsExtension">Whether the method is an extension method (called on through its static form).</param>
/// <param name="ReturnType">Fully qualified return type, or <c>void</c>.</param>
/// <param name="ReturnRefKind"><c>""</c>, <c>"ref "</c> or <c>"ref readonly "</c>.</param>
/// <param name="TypeParameters">Type parameters of the containing types (outermost first), then of the method.</param>
/// <param name="MethodTypeArguments">The method's own type parameters as written in the forwarding call, e.g. <c>&lt;T&gt;</c>, or empty.</param>
/// <param name="Parameters">The method's parameters, in order (for an extension method, including the <c>this</c> one).</param>
/// <param name="Attributes">Attributes to repeat on the interceptor (trimming/AOT requirements, return-value nullability), as C# source lines.</param>
/// <param name="DeclarationFile">File name of the declaration, when it is in source; otherwise <see langword="null"/>.</param>
/// <param name="DeclarationLine">One-based line of the declaration, or 0.</param>
internal sealed record TargetMethodModel(
    string DisplayName,
    string ContainingTypeDisplay,
    string ContainingType,
    string Name,
    string Kind,
    string Receiver,
    bool IsExtension,
    string ReturnType,
    string ReturnRefKind,
    EquatableArray<TypeParameterModel> TypeParameters,
    string MethodTypeArguments,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<string> Attributes,
    string? DeclarationFile,
    int DeclarationLine)
{
    public bool ReturnsVoid => ReturnType == "void";

    public bool IsStatic => Receiver.Length == 0;
}
