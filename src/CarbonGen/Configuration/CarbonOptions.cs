using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using CarbonGen.Configuration;

namespace CarbonGen;

/// <summary>
/// Every setting of CarbonGen, in one model. Values come from, highest first: code
/// (<see cref="CarbonTracker.Configure(CarbonOptions)"/>), the environment (<c>CARBONGEN_&lt;SETTING&gt;</c>),
/// <c>carbongen.json</c> in the working directory, MSBuild properties baked in at compile time
/// (<c>&lt;CarbonCountry&gt;FRA&lt;/CarbonCountry&gt;</c>), then the defaults, which need no key and no network.
/// </summary>
/// <remarks>
/// A value that cannot be used produces one warning naming the setting, the value, where it came from
/// and the closest valid values; the next source then applies. Only the properties set in an object
/// initializer count as "set in code": the others fall through to the lower sources.
/// </remarks>
public sealed class CarbonOptions
{
    private readonly HashSet<string> _setInCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal);

    private string _projectName = DefaultProjectName();
    private string? _experimentId;
    private string? _experimentName;
    private string? _country;
    private string? _region;
    private string? _cloudProvider;
    private string? _cloudRegion;
    private double? _pue;
    private double _wue;
    private string? _outputDirectory;
    private bool _printSummary = true;
    private bool _writeCsv = true;
    private TrackingMode _trackingMode = TrackingMode.Process;
    private double _samplingIntervalSeconds = 15;
    private double _methodSamplingIntervalMilliseconds = 100;
    private double? _cpuTdpWatts;
    private double? _ramWatts;
    private double? _intensityGramsPerKwh;
    private string? _electricityMapsToken;
    private string _electricityMapsUrl = DefaultElectricityMapsUrl;
    private string? _electricityMapsZone;
    private double _electricityMapsTimeoutSeconds = 5;
    private bool _detectCloud;
    private string _cloudMetadataUrl = DefaultCloudMetadataUrl;
    private bool _sci;
    private double? _embodiedKgCo2e;
    private double? _lifetimeYears;

    /// <summary>Base URL of the Electricity Maps API used when a token is set.</summary>
    public const string DefaultElectricityMapsUrl = "https://api.electricitymap.org";

    /// <summary>The instance-metadata address shared by AWS, Azure and GCP.</summary>
    public const string DefaultCloudMetadataUrl = "http://169.254.169.254";

    /// <summary>Name written in the <c>project_name</c> column. Default: the entry assembly's name.</summary>
    public string ProjectName { get => _projectName; init => Set(ref _projectName, value); }

    /// <summary><c>experiment_id</c> column. Default: empty.</summary>
    public string? ExperimentId { get => _experimentId; init => Set(ref _experimentId, value); }

    /// <summary>A name for the experiment, shown in the summary. Default: empty.</summary>
    public string? ExperimentName { get => _experimentName; init => Set(ref _experimentName, value); }

    /// <summary>Country of the machine's grid: ISO alpha-3 (<c>FRA</c>), alpha-2 (<c>FR</c>) or English name. Stored as alpha-3.</summary>
    public string? Country { get => _country; init => Set(ref _country, value); }

    /// <summary>Sub-national grid region: a US state (<c>CA</c>), Canadian province (<c>QC</c>) or Nordic bidding zone (<c>SE3</c>).</summary>
    public string? Region { get => _region; init => Set(ref _region, value); }

    /// <summary>Cloud provider: <c>aws</c>, <c>azure</c> or <c>gcp</c>.</summary>
    public string? CloudProvider { get => _cloudProvider; init => Set(ref _cloudProvider, value); }

    /// <summary>Cloud region as the provider spells it: <c>us-east-1</c>, <c>eastus</c> or <c>East US</c>, <c>europe-west1</c>.</summary>
    public string? CloudRegion { get => _cloudRegion; init => Set(ref _cloudRegion, value); }

    /// <summary>Power usage effectiveness (1 or more). Default: the provider's PUE on a known cloud region, otherwise 1.0.</summary>
    public double? Pue { get => _pue; init => Set(ref _pue, value); }

    /// <summary>Water usage effectiveness, litres per kWh (0 or more). Default: 0.</summary>
    public double Wue { get => _wue; init => Set(ref _wue, value); }

    /// <summary>Folder that receives <c>emissions.csv</c> and <c>emissions_methods.csv</c>. Default: the current directory.</summary>
    public string OutputDirectory { get => _outputDirectory ?? CurrentDirectory(); init => Set(ref _outputDirectory, value); }

    /// <summary>Whether the per-method summary is printed to standard error at exit. Default: <see langword="true"/>.</summary>
    public bool PrintSummary { get => _printSummary; init => Set(ref _printSummary, value); }

    /// <summary>Whether the CSV files are written at exit. Default: <see langword="true"/>.</summary>
    public bool WriteCsv { get => _writeCsv; init => Set(ref _writeCsv, value); }

    /// <summary><see cref="CarbonGen.TrackingMode.Process"/> (default) or <see cref="CarbonGen.TrackingMode.Machine"/>.</summary>
    public TrackingMode TrackingMode { get => _trackingMode; init => Set(ref _trackingMode, value); }

    /// <summary>Seconds between power and live-intensity samples (more than 0). Default: 15, as CodeCarbon.</summary>
    public double SamplingIntervalSeconds { get => _samplingIntervalSeconds; init => Set(ref _samplingIntervalSeconds, value); }

    /// <summary>
    /// Milliseconds between two reads of the CPU time of the threads running tracked methods, which
    /// apportions CPU energy to the methods. Default: 100.
    /// </summary>
    public double MethodSamplingIntervalMilliseconds { get => _methodSamplingIntervalMilliseconds; init => Set(ref _methodSamplingIntervalMilliseconds, value); }

    /// <summary>Forced CPU power, W (TDP of the whole machine). Default: none (the power model decides).</summary>
    public double? CpuTdpWatts { get => _cpuTdpWatts; init => Set(ref _cpuTdpWatts, value); }

    /// <summary>Forced RAM power, W. Default: none (the power model decides).</summary>
    public double? RamWatts { get => _ramWatts; init => Set(ref _ramWatts, value); }

    /// <summary>Forced grid intensity, g CO2eq/kWh: overrides every other source. Default: none.</summary>
    public double? IntensityGramsPerKwh { get => _intensityGramsPerKwh; init => Set(ref _intensityGramsPerKwh, value); }

    /// <summary>Electricity Maps API token. Setting it opts in to live intensity (network). Never logged.</summary>
    public string? ElectricityMapsToken { get => _electricityMapsToken; init => Set(ref _electricityMapsToken, value); }

    /// <summary>Base URL of the Electricity Maps API. Default: <see cref="DefaultElectricityMapsUrl"/>.</summary>
    public string ElectricityMapsUrl { get => _electricityMapsUrl; init => Set(ref _electricityMapsUrl, value); }

    /// <summary>Electricity Maps zone (e.g. <c>FR</c>, <c>SE-SE3</c>). Default: from the region or country.</summary>
    public string? ElectricityMapsZone { get => _electricityMapsZone; init => Set(ref _electricityMapsZone, value); }

    /// <summary>Time limit of one Electricity Maps request, seconds (0.1 to 60). Default: 5.</summary>
    public double ElectricityMapsTimeoutSeconds { get => _electricityMapsTimeoutSeconds; init => Set(ref _electricityMapsTimeoutSeconds, value); }

    /// <summary>Whether to ask the instance-metadata endpoint for the cloud provider and region (network). Default: <see langword="false"/>.</summary>
    public bool DetectCloud { get => _detectCloud; init => Set(ref _detectCloud, value); }

    /// <summary>Instance-metadata base URL used by <see cref="DetectCloud"/>. Default: <see cref="DefaultCloudMetadataUrl"/>.</summary>
    public string CloudMetadataUrl { get => _cloudMetadataUrl; init => Set(ref _cloudMetadataUrl, value); }

    /// <summary>Whether reports carry SCI scores with embodied emissions. Default: on when <see cref="EmbodiedKgCo2e"/> is set.</summary>
    public bool Sci { get => _sci; init => Set(ref _sci, value); }

    /// <summary>Total embodied emissions of the machine, kg CO2eq. Default (when SCI is on): 1000 kg, CCF's base rack server.</summary>
    public double? EmbodiedKgCo2e { get => _embodiedKgCo2e; init => Set(ref _embodiedKgCo2e, value); }

    /// <summary>Expected lifetime of the machine, years. Default (when SCI is on): 4 years (CCF, SCI specification example).</summary>
    public double? LifetimeYears { get => _lifetimeYears; init => Set(ref _lifetimeYears, value); }

    /// <summary>Where each setting's value came from, e.g. <c>Country</c> → <c>environment variable CARBONGEN_COUNTRY</c>; settings left at their default are absent.</summary>
    public IReadOnlyDictionary<string, string> Origins => _origins;

    /// <summary>
    /// Resolves the settings from the environment, <c>carbongen.json</c> in the current directory, the
    /// MSBuild properties baked in at compile time and the defaults (no code layer).
    /// </summary>
    /// <param name="warn">Receives one line per value that could not be used; the next source applies instead.</param>
    public static CarbonOptions FromEnvironment(Action<string>? warn = null) =>
        SettingsLoader.Resolve(null, warn ?? CarbonLog.Warn, Directory.GetCurrentDirectory());

    /// <summary>
    /// Resolves the settings with this object as the code layer: its properties set in an initializer
    /// win over every other source.
    /// </summary>
    /// <param name="warn">Receives one line per value that could not be used.</param>
    /// <param name="workingDirectory">Folder searched for <c>carbongen.json</c>; default: the current directory.</param>
    public CarbonOptions Resolve(Action<string>? warn = null, string? workingDirectory = null) =>
        SettingsLoader.Resolve(this, warn ?? CarbonLog.Warn, workingDirectory ?? Directory.GetCurrentDirectory());

    internal bool IsSetInCode(string property) => _setInCode.Contains(property);

    internal void RecordOrigin(string property, string origin) => _origins[property] = origin;

    private void Set<T>(ref T field, T value, [CallerMemberName] string property = "")
    {
        field = value;
        _setInCode.Add(property);
    }

    // Used by the loader, which builds a fresh instance: assigning here does not mark "set in code".
    internal void Assign(string property, object? value)
    {
        switch (property)
        {
            case nameof(ProjectName): _projectName = (string)value!; break;
            case nameof(ExperimentId): _experimentId = (string?)value; break;
            case nameof(ExperimentName): _experimentName = (string?)value; break;
            case nameof(Country): _country = (string?)value; break;
            case nameof(Region): _region = (string?)value; break;
            case nameof(CloudProvider): _cloudProvider = (string?)value; break;
            case nameof(CloudRegion): _cloudRegion = (string?)value; break;
            case nameof(Pue): _pue = (double?)value; break;
            case nameof(Wue): _wue = (double)value!; break;
            case nameof(OutputDirectory): _outputDirectory = (string)value!; break;
            case nameof(PrintSummary): _printSummary = (bool)value!; break;
            case nameof(WriteCsv): _writeCsv = (bool)value!; break;
            case nameof(TrackingMode): _trackingMode = (TrackingMode)value!; break;
            case nameof(SamplingIntervalSeconds): _samplingIntervalSeconds = (double)value!; break;
            case nameof(MethodSamplingIntervalMilliseconds): _methodSamplingIntervalMilliseconds = (double)value!; break;
            case nameof(CpuTdpWatts): _cpuTdpWatts = (double?)value; break;
            case nameof(RamWatts): _ramWatts = (double?)value; break;
            case nameof(IntensityGramsPerKwh): _intensityGramsPerKwh = (double?)value; break;
            case nameof(ElectricityMapsToken): _electricityMapsToken = (string?)value; break;
            case nameof(ElectricityMapsUrl): _electricityMapsUrl = (string)value!; break;
            case nameof(ElectricityMapsZone): _electricityMapsZone = (string?)value; break;
            case nameof(ElectricityMapsTimeoutSeconds): _electricityMapsTimeoutSeconds = (double)value!; break;
            case nameof(DetectCloud): _detectCloud = (bool)value!; break;
            case nameof(CloudMetadataUrl): _cloudMetadataUrl = (string)value!; break;
            case nameof(Sci): _sci = (bool)value!; break;
            case nameof(EmbodiedKgCo2e): _embodiedKgCo2e = (double?)value; break;
            case nameof(LifetimeYears): _lifetimeYears = (double?)value; break;
            default: throw new ArgumentOutOfRangeException(nameof(property), property, "Unknown setting.");
        }
    }

    internal object? Read(string property) => property switch
    {
        nameof(ProjectName) => _projectName,
        nameof(ExperimentId) => _experimentId,
        nameof(ExperimentName) => _experimentName,
        nameof(Country) => _country,
        nameof(Region) => _region,
        nameof(CloudProvider) => _cloudProvider,
        nameof(CloudRegion) => _cloudRegion,
        nameof(Pue) => _pue,
        nameof(Wue) => _wue,
        nameof(OutputDirectory) => OutputDirectory,
        nameof(PrintSummary) => _printSummary,
        nameof(WriteCsv) => _writeCsv,
        nameof(TrackingMode) => _trackingMode,
        nameof(SamplingIntervalSeconds) => _samplingIntervalSeconds,
        nameof(MethodSamplingIntervalMilliseconds) => _methodSamplingIntervalMilliseconds,
        nameof(CpuTdpWatts) => _cpuTdpWatts,
        nameof(RamWatts) => _ramWatts,
        nameof(IntensityGramsPerKwh) => _intensityGramsPerKwh,
        nameof(ElectricityMapsToken) => _electricityMapsToken,
        nameof(ElectricityMapsUrl) => _electricityMapsUrl,
        nameof(ElectricityMapsZone) => _electricityMapsZone,
        nameof(ElectricityMapsTimeoutSeconds) => _electricityMapsTimeoutSeconds,
        nameof(DetectCloud) => _detectCloud,
        nameof(CloudMetadataUrl) => _cloudMetadataUrl,
        nameof(Sci) => _sci,
        nameof(EmbodiedKgCo2e) => _embodiedKgCo2e,
        nameof(LifetimeYears) => _lifetimeYears,
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, "Unknown setting."),
    };

    private static string DefaultProjectName()
    {
        var name = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        return string.IsNullOrEmpty(name) ? "carbongen" : name!;
    }

    /// <summary>The working directory, or the temporary folder when it no longer exists (tracking must not throw).</summary>
    private static string CurrentDirectory()
    {
        try
        {
            return Directory.GetCurrentDirectory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Path.GetTempPath();
        }
    }
}
