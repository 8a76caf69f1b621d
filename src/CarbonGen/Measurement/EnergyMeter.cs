using System;
using System.Collections.Generic;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>
/// Picks, for each component, the first source that works and keeps every figure it measured:
/// CPU <c>rapl → hwmon → tdp-model</c>, RAM <c>rapl (dram) → ram-model</c>, GPU <c>nvml</c> (else absent).
/// Platform adapters passed to <see cref="Create"/> come first for their component.
/// </summary>
/// <remarks>
/// <para>When the source in use fails mid-run (a counter vanishes, returns garbage, keeps going backwards, a
/// driver call fails), the meter warns once, keeps the joules it measured up to its last good reading, and
/// starts the next source of the chain from that moment, so the two figures add up with no gap and no
/// overlap. The label becomes <c>rapl+tdp-model</c> and the figure stops counting as measured.</para>
/// <para>Each <see cref="Sample"/> also reads the machine's and this process's CPU time from procfs, so the
/// snapshot carries the process's share of the CPU over the same interval.</para>
/// <para>Thread-safe: one lock, taken once per sample and per snapshot. <see cref="Sample"/> does not allocate
/// unless a source fails.</para>
/// </remarks>
internal sealed class EnergyMeter : IDisposable
{
    private readonly object _lock = new();
    private readonly Chain[] _chains;
    private readonly Action<string> _warn;
    private readonly ProcStatReader? _procStat;
    private bool _started;
    private bool _disposed;
    private double _startTime;
    private double _lastTime;
    private MachineCpuTimes _machineStart;
    private MachineCpuTimes _machineLast;
    private ulong _processStart;
    private ulong _processLast;
    private bool _haveMachine;
    private bool _haveProcess;

    /// <param name="sources">Every source, in the order they are tried within their component.</param>
    /// <param name="warn">Receives warnings meant for people (standard error by default).</param>
    /// <param name="procfsRoot">Where to read <c>stat</c> and <c>self/stat</c> for the process share; <see langword="null"/> not to.</param>
    internal EnergyMeter(IEnumerable<IEnergySource> sources, Action<string>? warn = null, string? procfsRoot = null)
    {
        _warn = warn ?? (static message => Console.Error.WriteLine(message));
        var lists = new[] { new List<IEnergySource>(), new List<IEnergySource>(), new List<IEnergySource>() };
        foreach (var source in sources)
        {
            lists[(int)source.Component].Add(source);
        }

        _chains = [new Chain(EnergyComponent.Cpu, lists[0].ToArray()), new Chain(EnergyComponent.Gpu, lists[1].ToArray()), new Chain(EnergyComponent.Ram, lists[2].ToArray())];
        _procStat = procfsRoot is null ? null : new ProcStatReader(procfsRoot);
    }

    /// <summary>The meter for this machine: Linux sensors and models, plus <paramref name="platformSources"/> first.</summary>
    /// <param name="settings">Roots, overrides and the NVML library (see <see cref="MeasurementSettings.FromEnvironment"/>).</param>
    /// <param name="warn">Receives warnings meant for people (standard error by default).</param>
    /// <param name="platformSources">Adapters for other platforms (Windows EMI or LibreHardwareMonitor, macOS), tried before the built-in sources of their component.</param>
    internal static EnergyMeter Create(MeasurementSettings settings, Action<string>? warn = null, IEnumerable<IEnergySource>? platformSources = null)
    {
        warn ??= static message => Console.Error.WriteLine(message);
        var sources = new List<IEnergySource>();
        if (platformSources is not null)
        {
            sources.AddRange(platformSources);
        }

        var zones = RaplZones.Scan(settings.SysfsRoot);
        var raplPermission = new OnceFlag();
        sources.Add(new RaplEnergySource(EnergyComponent.Cpu, settings, warn, raplPermission, zones));
        sources.Add(new HwmonEnergySource(settings, warn));
        sources.Add(new TdpModelSource(settings));
        sources.Add(new RaplEnergySource(EnergyComponent.Ram, settings, warn, raplPermission, zones));
        sources.Add(new RamModelSource(settings));
        sources.Add(new NvmlEnergySource(settings, warn));
        return new EnergyMeter(sources, warn, settings.ProcfsRoot);
    }

    /// <summary>Whether <see cref="Start"/> has run.</summary>
    internal bool IsStarted => _started;

    /// <summary>Starts the first usable source of each component and takes the procfs baselines. Later calls do nothing.</summary>
    internal void Start(double now)
    {
        lock (_lock)
        {
            if (_started || _disposed)
            {
                return;
            }

            _started = true;
            _startTime = _lastTime = now;
            foreach (var chain in _chains)
            {
                StartFrom(chain, 0, now);
            }

            if (_procStat is not null)
            {
                _haveMachine = _procStat.TryReadMachine(out _machineStart);
                _machineLast = _machineStart;
                _haveProcess = _procStat.TryReadProcessTicks(out _processStart);
                _processLast = _processStart;
            }
        }
    }

    /// <summary>Reads every source in use (and procfs); switches to the next source of a component whose source failed.</summary>
    internal void Sample(double now)
    {
        lock (_lock)
        {
            if (!_started || _disposed)
            {
                return;
            }

            if (now < _lastTime)
            {
                now = _lastTime;
            }

            foreach (var chain in _chains)
            {
                SampleChain(chain, now);
            }

            if (_haveMachine && _procStat!.TryReadMachine(out var machine))
            {
                _machineLast = machine;
            }

            if (_haveProcess && _procStat!.TryReadProcessTicks(out var process))
            {
                _processLast = process;
            }

            _lastTime = now;
        }
    }

    /// <summary>Joules of every component as of the last sample, as <see cref="EnergySnapshot.TotalJoules"/> of a snapshot, without allocating one.</summary>
    internal double TotalJoules
    {
        get
        {
            lock (_lock)
            {
                double joules = 0;
                foreach (var chain in _chains)
                {
                    joules += chain.Joules;
                }

                return joules;
            }
        }
    }

    /// <summary>The figures as of the last sample.</summary>
    internal EnergySnapshot Snapshot()
    {
        lock (_lock)
        {
            var reports = new List<SourceReport>();
            IReadOnlyList<GpuEnergy> gpus = [];
            foreach (var chain in _chains)
            {
                for (var i = 0; i < chain.Sources.Length; i++)
                {
                    var source = chain.Sources[i];
                    var status = source.Status;
                    if (status.State == SourceState.Standby)
                    {
                        status = new EnergySourceStatus(
                            SourceState.Standby,
                            chain.Active >= 0 ? $"not needed while {chain.Sources[chain.Active].Name} works" : _started ? "not reached" : "the meter has not started");
                    }

                    reports.Add(new SourceReport(source.Name, source.Component, source.IsMeasured, status));
                    if (source is NvmlEnergySource nvml && (status.State is SourceState.Used or SourceState.Failed))
                    {
                        gpus = nvml.Gpus;
                    }
                }
            }

            return new EnergySnapshot(
                _lastTime - _startTime,
                _chains[0].Energy,
                _chains[1].Energy,
                _chains[2].Energy,
                reports,
                gpus,
                _haveMachine && _machineLast.Busy >= _machineStart.Busy ? _machineLast.Busy - _machineStart.Busy : null,
                _haveProcess && _processLast >= _processStart ? _processLast - _processStart : null);
        }
    }

    private void SampleChain(Chain chain, double now)
    {
        if (chain.Active < 0)
        {
            return;
        }

        var source = chain.Sources[chain.Active];
        if (source.TryRead(now, out var joules))
        {
            chain.Current = Math.Max(chain.Current, joules);
            chain.LastGoodTime = now;
            return;
        }

        // Keep what the failed source measured up to its last good reading; the next one starts there.
        chain.Frozen += chain.Current;
        chain.Current = 0;
        var failed = chain.Active;
        var why = source.Status.Detail;
        StartFrom(chain, failed + 1, chain.LastGoodTime);
        var next = chain.Active >= 0 ? chain.Sources[chain.Active].Name : null;
        _warn(string.Create(
            CultureInfo.InvariantCulture,
            $"CarbonGen: warning: {EnergySourceNames.ComponentName(chain.Component)} energy source '{source.Name}' stopped: {why}. The {chain.Frozen:0.###} J measured so far are kept; {(next is null ? "no other source is left, so this figure stops growing" : $"continuing with '{next}'")}."));
        if (chain.Active >= 0)
        {
            SampleChain(chain, now);
        }
    }

    private static void StartFrom(Chain chain, int first, double from)
    {
        chain.Active = -1;
        for (var i = first; i < chain.Sources.Length; i++)
        {
            if (chain.Sources[i].TryStart(from))
            {
                chain.Active = i;
                chain.LastGoodTime = from;
                chain.Label = chain.Label.Length == 0 ? chain.Sources[i].Name : chain.Label + "+" + chain.Sources[i].Name;
                chain.Measured &= chain.Sources[i].IsMeasured;
                return;
            }
        }
    }

    /// <summary>Closes counter files and shuts NVML down. The last figures stay readable with <see cref="Snapshot"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var chain in _chains)
            {
                foreach (var source in chain.Sources)
                {
                    source.Dispose();
                }
            }

            _procStat?.Dispose();
        }
    }

    private sealed class Chain(EnergyComponent component, IEnergySource[] sources)
    {
        internal EnergyComponent Component { get; } = component;

        internal IEnergySource[] Sources { get; } = sources;

        internal int Active { get; set; } = -1;

        internal double Frozen { get; set; }

        internal double Current { get; set; }

        internal double LastGoodTime { get; set; }

        internal string Label { get; set; } = string.Empty;

        internal bool Measured { get; set; } = true;

        internal double Joules => Frozen + Current;

        internal ComponentEnergy Energy => new(
            Component,
            Joules,
            Label.Length == 0 ? "none" : Label,
            Label.Length > 0 && Measured,
            Label.Length > 0);
    }
}
