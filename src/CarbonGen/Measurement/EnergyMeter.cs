using System;
using System.Collections.Generic;
using System.Globalization;
using CarbonGen.Configuration;

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
/// <para>A source that throws (a plug-in adapter with a bug, a driver binding that faults) is treated as one
/// that failed: an exception from <see cref="IEnergySource.TryStart"/> means "not usable", from
/// <see cref="IEnergySource.TryRead"/> "stopped now", and a reading that is not a finite number counts as a
/// failed read. The warning names the source and the exception; nothing escapes to the sampling thread.</para>
/// <para>Each <see cref="Sample"/> also reads the machine's and this process's CPU time from procfs, so the
/// snapshot carries the process's share of the CPU over the same interval. Where <c>self/stat</c> cannot be
/// read (Windows, macOS), the process's CPU time comes from the runtime (<see cref="ProcessCpuClock"/>);
/// the machine's busy time then stays unknown, and the snapshot says why.</para>
/// <para>Thread-safe: one lock, taken once per sample and per snapshot. <see cref="Sample"/> does not allocate
/// unless a source fails (or, on .NET 8 without procfs, to read the process's CPU time).</para>
/// </remarks>
internal sealed class EnergyMeter : IDisposable
{
    private readonly object _lock = new();
    private readonly Chain[] _chains;
    private readonly Action<string> _warn;
    private readonly ProcStatReader? _procStat;
    private readonly Func<CpuPowerModel>? _resolveCpuModel;
    private bool _started;
    private bool _disposed;
    private double _startTime;
    private double _lastTime;
    private MachineCpuTimes _machineStart;
    private MachineCpuTimes _machineLast;
    private ulong _processStart;
    private ulong _processLast;
    private double _cpuJoulesAtLastShare;
    private ulong _busyAtLastShare;
    private ulong _processAtLastShare;
    private double _processCpuJoules;
    private TimeSpan _processCpuStart;
    private TimeSpan _processCpuLast;
    private bool _haveMachine;
    private bool _haveProcess;
    private CpuPowerModel? _cpuModel;

    /// <param name="sources">Every source, in the order they are tried within their component.</param>
    /// <param name="warn">Receives warnings meant for people (<see cref="CarbonLog.Warn"/> by default); must not throw.</param>
    /// <param name="procfsRoot">Where to read <c>stat</c> and <c>self/stat</c> for the process share; <see langword="null"/> not to.</param>
    /// <param name="cpuModel">Resolves the CPU's rated power at <see cref="Start"/>, for the CPU-time model where the machine's load is unknown; <see langword="null"/>: none (4 W per logical CPU applies).</param>
    internal EnergyMeter(IEnumerable<IEnergySource> sources, Action<string>? warn = null, string? procfsRoot = null, Func<CpuPowerModel>? cpuModel = null)
    {
        _resolveCpuModel = cpuModel;
        _warn = warn ?? CarbonLog.Warn;
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
    /// <param name="warn">Receives warnings meant for people (<see cref="CarbonLog.Warn"/> by default); must not throw.</param>
    /// <param name="platformSources">Adapters for other platforms (Windows EMI or LibreHardwareMonitor, macOS), tried before the built-in sources of their component.</param>
    internal static EnergyMeter Create(MeasurementSettings settings, Action<string>? warn = null, IEnumerable<IEnergySource>? platformSources = null)
    {
        warn ??= CarbonLog.Warn;
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
        return new EnergyMeter(sources, warn, settings.ProcfsRoot, () => CpuPowerModel.Resolve(CpuInfo.Read(settings.ProcfsRoot), settings.CpuTdpWatts));
    }

    /// <summary>Whether <see cref="Start"/> has run.</summary>
    internal bool IsStarted => _started;

    /// <summary>Where this meter's warnings go; the sampler that owns the meter warns there too.</summary>
    internal Action<string> Warn => _warn;

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

            _cpuModel = ResolveCpuModel();
            if (_procStat is not null)
            {
                _haveMachine = _procStat.TryReadMachine(out _machineStart);
                _machineLast = _machineStart;
                _haveProcess = _procStat.TryReadProcessTicks(out _processStart);
                _processLast = _processStart;
                _busyAtLastShare = _machineStart.Busy;
                _processAtLastShare = _processStart;
            }

            if (!_haveProcess)
            {
                _processCpuStart = _processCpuLast = ProcessCpuClock.Now();
            }
        }
    }

    /// <summary>The CPU's rated power for the CPU-time model; a fault leaves the model at its default, with a warning.</summary>
    private CpuPowerModel? ResolveCpuModel()
    {
        try
        {
            return _resolveCpuModel?.Invoke();
        }
        catch (Exception e)
        {
            _warn($"CarbonGen: warning: the CPU's rated power could not be resolved ({e.GetType().Name}: {e.Message}); where the machine's load is unknown, the CPU-time model uses 4 W per logical CPU.");
            return null;
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

            MachineCpuTimes machine = default;
            ulong process = 0;
            var haveMachine = _haveMachine && _procStat!.TryReadMachine(out machine);
            var haveProcess = _haveProcess && _procStat!.TryReadProcessTicks(out process);
            if (haveMachine && haveProcess)
            {
                // The process's CPU energy, interval by interval: this interval's CPU energy times the
                // process's share of the machine's busy CPU time in the same interval. The three figures
                // move on together, so an interval whose readings failed is merged into the next one
                // that succeeds.
                var busy = machine.Busy > _busyAtLastShare ? machine.Busy - _busyAtLastShare : 0;
                var mine = process > _processAtLastShare ? process - _processAtLastShare : 0;
                var share = busy == 0 ? 0 : Math.Min(1.0, (double)mine / busy);
                var cpuJoules = _chains[0].Energy.Joules;
                _processCpuJoules += Math.Max(0, cpuJoules - _cpuJoulesAtLastShare) * share;
                _cpuJoulesAtLastShare = cpuJoules;
                _busyAtLastShare = machine.Busy;
                _processAtLastShare = process;
            }

            if (haveMachine)
            {
                _machineLast = machine;
            }

            if (haveProcess)
            {
                _processLast = process;
            }
            else if (!_haveProcess)
            {
                _processCpuLast = ProcessCpuClock.Now();
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
                    var status = StatusOf(chain, i);
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
                ProcessCpuSeconds())
            {
                MachineLoadError = _haveMachine ? null : _procStat?.MachineError ?? "procfs is not read",
                ProcessCpuJoules = _haveMachine && _haveProcess ? ProcessCpuJoules() : null,
                CpuModel = _cpuModel,
            };
        }
    }

    /// <summary>
    /// The process's CPU energy apportioned interval by interval, plus any energy read after the last
    /// interval whose procfs readings succeeded, at the run's overall share.
    /// </summary>
    private double ProcessCpuJoules()
    {
        var unapportioned = Math.Max(0, _chains[0].Energy.Joules - _cpuJoulesAtLastShare);
        if (unapportioned == 0)
        {
            return _processCpuJoules;
        }

        var busy = _machineLast.Busy > _machineStart.Busy ? _machineLast.Busy - _machineStart.Busy : 0;
        var mine = _processLast > _processStart ? _processLast - _processStart : 0;
        return _processCpuJoules + (busy == 0 ? 0 : unapportioned * Math.Min(1.0, (double)mine / busy));
    }

    private double? ProcessCpuSeconds()
    {
        if (!_started)
        {
            return null;
        }

        if (_haveProcess)
        {
            return _processLast >= _processStart ? (_processLast - _processStart) / MachineCpuTimes.TicksPerSecond : null;
        }

        return Math.Max(0, (_processCpuLast - _processCpuStart).TotalSeconds);
    }

    private void SampleChain(Chain chain, double now)
    {
        if (chain.Active < 0)
        {
            return;
        }

        var source = chain.Sources[chain.Active];
        if (TryRead(chain, chain.Active, now, out var joules))
        {
            chain.Current = Math.Max(chain.Current, joules);
            chain.LastGoodTime = now;
            return;
        }

        // Keep what the failed source measured up to its last good reading; the next one starts there.
        chain.Frozen += chain.Current;
        chain.Current = 0;
        var failed = chain.Active;
        var why = StatusOf(chain, failed).Detail;
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

    private void StartFrom(Chain chain, int first, double from)
    {
        chain.Active = -1;
        for (var i = first; i < chain.Sources.Length; i++)
        {
            if (TryStart(chain, i, from))
            {
                chain.Active = i;
                chain.LastGoodTime = from;
                chain.Label = chain.Label.Length == 0 ? chain.Sources[i].Name : chain.Label + "+" + chain.Sources[i].Name;
                chain.Measured &= chain.Sources[i].IsMeasured;
                break;
            }
        }

        // A source that threw while starting says nothing in its own status: warn, naming what is used instead.
        var end = chain.Active >= 0 ? chain.Active : chain.Sources.Length;
        for (var i = first; i < end; i++)
        {
            if (chain.Faults[i] is { } fault)
            {
                var next = chain.Active >= 0 ? $"using '{chain.Sources[chain.Active].Name}' instead" : "no other source is left, so this component is not measured";
                _warn($"CarbonGen: warning: {EnergySourceNames.ComponentName(chain.Component)} energy source '{chain.Sources[i].Name}' could not start: {fault.Detail}; {next}.");
            }
        }
    }

    /// <summary>Starts source <paramref name="index"/>; an exception counts as "not usable" and is kept as its status.</summary>
    private static bool TryStart(Chain chain, int index, double now)
    {
        try
        {
            return chain.Sources[index].TryStart(now);
        }
        catch (Exception e)
        {
            chain.Faults[index] = EnergySourceStatus.NotUsed(Threw(e));
            return false;
        }
    }

    /// <summary>Reads source <paramref name="index"/>; an exception or a figure that is not a finite number counts as a failed read.</summary>
    private static bool TryRead(Chain chain, int index, double now, out double joules)
    {
        try
        {
            if (!chain.Sources[index].TryRead(now, out joules))
            {
                return false;
            }

            if (double.IsFinite(joules))
            {
                return true;
            }

            chain.Faults[index] = EnergySourceStatus.Failed(string.Create(CultureInfo.InvariantCulture, $"it reported {joules} J"));
        }
        catch (Exception e)
        {
            chain.Faults[index] = EnergySourceStatus.Failed(Threw(e));
        }

        joules = 0;
        return false;
    }

    /// <summary>The status of source <paramref name="index"/>: the fault the meter saw, else what the source says.</summary>
    private static EnergySourceStatus StatusOf(Chain chain, int index)
    {
        if (chain.Faults[index] is { } fault)
        {
            return fault;
        }

        try
        {
            return chain.Sources[index].Status;
        }
        catch (Exception e)
        {
            return new EnergySourceStatus(SourceState.NotUsed, "its status is unreadable: " + Threw(e));
        }
    }

    private static string Threw(Exception e) => $"it threw {e.GetType().Name}: {e.Message}";

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
                    try
                    {
                        source.Dispose();
                    }
                    catch (Exception e)
                    {
                        // The figures are already kept; only this source's handles may stay open until exit.
                        _warn($"CarbonGen: warning: {EnergySourceNames.ComponentName(chain.Component)} energy source '{source.Name}' could not be closed: {Threw(e)}. Its figures are kept; the other sources are closed.");
                    }
                }
            }

            _procStat?.Dispose();
        }
    }

    private sealed class Chain(EnergyComponent component, IEnergySource[] sources)
    {
        internal EnergyComponent Component { get; } = component;

        internal IEnergySource[] Sources { get; } = sources;

        /// <summary>Per source, what the meter saw go wrong (an exception, a figure that is not a number); <see langword="null"/> for none.</summary>
        internal EnergySourceStatus?[] Faults { get; } = new EnergySourceStatus?[sources.Length];

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
