using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace CarbonGen.Measurement;

/// <summary>
/// Reads the counters and integrates the models of an <see cref="EnergyMeter"/> at a fixed interval on a
/// background thread.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Lazy: nothing runs, no file is opened, until <see cref="EnsureStarted"/> (meant for the first
/// tracked call). After that, one call costs a volatile read.</item>
/// <item>Never keeps the process alive: the thread is a background thread, and it waits on a kernel event
/// between samples (no spinning).</item>
/// <item>Stops at exit: a <see cref="AppDomain.ProcessExit"/> handler calls <see cref="Stop"/>, which takes a
/// last sample so that the figures cover the whole run. A report written at exit should call
/// <see cref="Stop"/> itself first (it is idempotent), since exit handlers run in no set order.</item>
/// <item>Allocation-free: one sample is a few <c>pread</c> calls into buffers allocated at start, and one
/// point added to a history of bounded size (<see cref="EnergyHistory"/>), whose list grows to its capacity once.</item>
/// <item>Never breaks the application: a sample that throws (a fault past the meter's own handling of its
/// sources) is warned about once, through the meter's warning callback; the figures measured so far are
/// kept and the thread goes on sampling at the next interval.</item>
/// </list>
/// <para>Use: <c>EnergySampler.Shared.EnsureStarted()</c> on the first tracked call;
/// <c>EnergySampler.Shared.Stop()</c> then <c>EnergySampler.Shared.Snapshot()</c> for the report.</para>
/// </remarks>
internal sealed class EnergySampler : IDisposable
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private static readonly Lazy<EnergySampler> s_shared = new(CreateShared);

    private readonly object _gate = new();
    private readonly object _sampleGate = new();
    private readonly EnergyHistory _history = new();
    private readonly ManualResetEvent _stop = new(false);
    private readonly Func<double> _clock;
    private readonly SamplerFaultGuard _faults;
    private readonly Action _loopStep;
    private readonly Action _sampleNow;
    private int _state;
    private long _samples;
    private Thread? _thread;

    /// <param name="meter">The meter to sample; the sampler owns it from now on.</param>
    /// <param name="interval">Time between samples; at least 1 ms.</param>
    /// <param name="clock">Seconds on a monotonic clock; <see cref="MonotonicSeconds"/> unless a test drives time.</param>
    internal EnergySampler(EnergyMeter meter, TimeSpan interval, Func<double>? clock = null)
    {
        if (interval < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The sampling interval must be at least 1 ms.");
        }

        Meter = meter;
        Interval = interval;
        _clock = clock ?? MonotonicSeconds;
        _faults = new SamplerFaultGuard(
            "an energy sample",
            string.Create(CultureInfo.InvariantCulture, $"The figures measured so far are kept and sampling goes on every {interval.TotalSeconds:0.###} s"),
            meter.Warn);
        _loopStep = LoopStep;
        _sampleNow = SampleNow;
    }

    /// <summary>The process-wide sampler, configured from the <c>CARBONGEN_*</c> environment on first use (not started).</summary>
    internal static EnergySampler Shared => s_shared.Value;

    internal EnergyMeter Meter { get; }

    internal TimeSpan Interval { get; }

    /// <summary>Samples taken by the background thread so far.</summary>
    internal long SampleCount => Interlocked.Read(ref _samples);

    /// <summary>The sampling thread, once started (for tests and diagnostics).</summary>
    internal Thread? Thread => _thread;

    internal bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>Whether <see cref="EnsureStarted"/> was ever called (the figures then cover the run).</summary>
    internal bool HasStarted => Volatile.Read(ref _state) != NotStarted;

    /// <summary>Called on the sampling thread after each sample (a test hook; keep it short).</summary>
    internal Action? AfterSample { get; set; }

    internal static double MonotonicSeconds() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    /// <summary>Starts the meter and the thread the first time; afterwards returns at once.</summary>
    internal void EnsureStarted()
    {
        if (Volatile.Read(ref _state) != NotStarted)
        {
            return;
        }

        lock (_gate)
        {
            if (_state != NotStarted)
            {
                return;
            }

            Meter.Start(_clock());
            _thread = new Thread(Loop)
            {
                IsBackground = true,
                Name = "CarbonGen energy sampler",
            };
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            Volatile.Write(ref _state, Running);
            _thread.Start();
        }
    }

    /// <summary>Stops the thread, takes a last sample and closes the sources. Idempotent; the figures stay readable.</summary>
    internal void Stop()
    {
        lock (_gate)
        {
            if (_state != Running)
            {
                _state = Stopped;
                return;
            }

            _state = Stopped;
            _stop.Set();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        SampleSafely();
        Meter.Dispose();
    }

    /// <summary>The figures so far; while running, a fresh sample is taken first so they are current.</summary>
    internal EnergySnapshot Snapshot()
    {
        if (IsRunning)
        {
            SampleSafely();
        }

        lock (_sampleGate)
        {
            return Meter.Snapshot();
        }
    }

    private void Loop()
    {
        // An exception leaving this thread would end the process: the guard contains it, and the next interval samples again.
        while (!_stop.WaitOne(Interval))
        {
            _faults.Run(_loopStep);
        }
    }

    private void LoopStep()
    {
        SampleNow();
        Interlocked.Increment(ref _samples);
        AfterSample?.Invoke();
    }

    /// <summary>A sample that never throws: on a fault the figures stay those of the last good sample.</summary>
    private void SampleSafely() => _faults.Run(_sampleNow);

    /// <summary>
    /// One sample, as the loop takes it (a benchmark times it): the meter reads its sources and procfs, and
    /// the history records the total. The loop and a report asking for current figures may both sample, never at once.
    /// </summary>
    internal void SampleNow()
    {
        lock (_sampleGate)
        {
            Meter.Sample(_clock());
            _history.Add(DateTimeOffset.Now, Meter.TotalJoules);
        }
    }

    /// <summary>
    /// The machine's cumulative energy (J) at each sample so far, in time order: weights a changing intensity.
    /// Bounded: a long run keeps fewer, longer intervals of its past (see <see cref="EnergyHistory"/>).
    /// </summary>
    internal System.Collections.Generic.IReadOnlyList<(DateTimeOffset At, double Energy)> History
    {
        get
        {
            lock (_sampleGate)
            {
                return _history.ToArray();
            }
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private static EnergySampler CreateShared()
    {
        var settings = MeasurementSettings.FromSettings(CarbonTracker.Settings, Configuration.CarbonLog.Warn);
        return new EnergySampler(EnergyMeter.Create(settings, Configuration.CarbonLog.Warn), settings.SamplingInterval);
    }

    public void Dispose()
    {
        Stop();
        Meter.Dispose();
        _stop.Dispose();
    }
}
