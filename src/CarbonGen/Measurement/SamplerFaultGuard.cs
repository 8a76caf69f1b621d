using System;

namespace CarbonGen.Measurement;

/// <summary>
/// How a background sampler survives a fault of its own. An exception that left a sampling thread would
/// end the process, and one from a last sample at exit would cost the whole report; so each step runs
/// through <see cref="Run"/>, which contains the exception and warns about the first one only (what
/// failed, that the figures so far are kept, that sampling goes on). The step's figures up to the fault
/// stay where they are: nothing is reset.
/// </summary>
/// <param name="what">What failed, in words: <c>an energy sample</c>.</param>
/// <param name="outcome">What happens next, in words: <c>The figures measured so far are kept and sampling goes on every 1 s</c>.</param>
/// <param name="warn">Receives the warning; must not throw.</param>
internal sealed class SamplerFaultGuard(string what, string outcome, Action<string> warn)
{
    private readonly OnceFlag _warned = new();

    /// <summary>Runs <paramref name="step"/>; an exception from it is reported once and goes no further.</summary>
    internal void Run(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            if (_warned.TrySet())
            {
                warn($"CarbonGen: warning: {what} failed ({e.GetType().Name}: {e.Message}). {outcome}; further failures are not reported.");
            }
        }
    }
}
