using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace CarbonGen.Generators.Tests;

/// <summary>Emits a compilation (and the compilations it references) and loads it, so tests can run the intercepted code for real.</summary>
internal sealed class CompiledProgram
{
    private readonly Assembly _assembly;

    private CompiledProgram(Assembly assembly) => _assembly = assembly;

    public static CompiledProgram Load(Compilation compilation, params Compilation[] dependencies)
    {
        var context = new ImageLoadContext(compilation.AssemblyName!, dependencies.ToDictionary(d => d.AssemblyName!, Emit));
        return new CompiledProgram(context.LoadFromStream(new MemoryStream(Emit(compilation))));
    }

    /// <summary>A reference to the compiled image, as a consumer sees a library: metadata only, no source.</summary>
    public static MetadataReference ImageReference(Compilation compilation) => MetadataReference.CreateFromImage(Emit(compilation));

    private static byte[] Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return image.ToArray();
    }

    /// <summary>Calls a public static method, rethrowing whatever it throws as it was thrown.</summary>
    public object? Call(string typeName, string methodName, params object?[] arguments)
    {
        var method = _assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeName}.{methodName} not found.");
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Runs the program's entry point (top-level statements or <c>Main</c>).</summary>
    public void RunEntryPoint()
    {
        var entry = _assembly.EntryPoint ?? throw new InvalidOperationException("The program has no entry point.");
        entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
    }

    /// <summary>Calls and failed calls that the runtime counted for a display name.</summary>
    public static (long Calls, long Failed) Counts(string method)
    {
        var row = Row(method);
        return row is null ? (0, 0) : (row.Calls, row.FailedCalls);
    }

    /// <summary>The runtime's report row for a display name, or <see langword="null"/> when it was never registered.</summary>
    public static Reporting.MethodReport? Row(string method) =>
        CarbonTracker.GetReport().Methods.SingleOrDefault(m => m.Method == method);

    /// <summary>Compiles a single-file program with the generator, checks it builds without a warning, and loads it.</summary>
    public static CompiledProgram Build(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        Build(source, kind, out _);

    public static CompiledProgram Build(string source, OutputKind kind, out Compilation output)
    {
        var (_, compiled) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([("/src/Program.cs", source)], kind, assemblyName: "P" + Guid.NewGuid().ToString("N")));
        GeneratorHarness.AssertClean(compiled);
        output = compiled;
        return Load(compiled);
    }

    /// <summary>A namespace of its own for each test, so its counters are its own in the shared runtime.</summary>
    public static string UniqueNamespace() => "Case" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Loads the test's own assemblies from memory; everything else, CarbonGen included, resolves to the
    /// copy the test process already loaded, so the test reads the same counters the program writes.
    /// </summary>
    private sealed class ImageLoadContext(string name, Dictionary<string, byte[]> images) : AssemblyLoadContext(name, isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } n && images.TryGetValue(n, out var image) ? LoadFromStream(new MemoryStream(image)) : null;
    }
}
