namespace CarbonGen.Generators.Model;

/// <summary>A type parameter the interceptor redeclares, with its constraints as C# source.</summary>
/// <param name="Name">The type parameter's name.</param>
/// <param name="Constraints">The constraint list after <c>where T :</c>, or empty when unconstrained.</param>
internal sealed record TypeParameterModel(string Name, string Constraints);
