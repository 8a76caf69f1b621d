/*
 * A stand-in for libnvidia-ml.so.1 that the NVML tests build with the machine's C compiler.
 * It exports the NVML entry points CarbonGen calls and answers from a key=value file whose path is
 * compiled in (-DFAKE_NVML_CONFIG="\"/path\""), read again on every call so a test can change the
 * answers mid-run:
 *
 *   init=<code>              what nvmlInit_v2 returns (default 0, NVML_SUCCESS)
 *   count=<n>                number of devices (default 0)
 *   name.<i>=<text>          device name (default "Fake GPU <i>")
 *   uuid.<i>=<text>          device UUID (default GPU-00000000-0000-0000-0000-00000000000<i>)
 *   energy.<i>=<mJ>          total energy counter; absent: NVML_ERROR_NOT_SUPPORTED (pre-Volta)
 *   power.<i>=<mW>           power usage (default 0)
 *   procutil.<i>=<pid>:<sm>[,<pid>:<sm>...]   per-process SM utilisation samples ("self" = this pid);
 *                            absent: NVML_ERROR_NOT_SUPPORTED; empty: NVML_ERROR_NOT_FOUND (no samples)
 *   fail.<function>=<code>   that function returns <code> for every device (e.g. fail.nvmlDeviceGetPowerUsage=15)
 *   fail.<function>.<i>=<code>  the same for one device
 *
 * fake_nvml_calls(name) reports how often nvmlInit_v2 / nvmlShutdown were called.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FAKE_NVML_CONFIG
#error "Build with -DFAKE_NVML_CONFIG=\"\\\"/path/to/config\\\"\""
#endif

#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_SUPPORTED 3
#define NVML_ERROR_NOT_FOUND 6
#define NVML_ERROR_INSUFFICIENT_SIZE 7

typedef struct { unsigned int pid; unsigned long long timeStamp; unsigned int smUtil, memUtil, encUtil, decUtil; } nvmlProcessUtilizationSample_t;

static int s_inits, s_shutdowns, s_live;
static unsigned long long s_clock;

static int lookup(const char *key, char *out, size_t size)
{
    FILE *f = fopen(FAKE_NVML_CONFIG, "r");
    char line[1024];
    size_t keylen = strlen(key);
    int found = 0;
    if (!f) return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, keylen) == 0 && line[keylen] == '=') {
            char *value = line + keylen + 1;
            value[strcspn(value, "\r\n")] = 0;
            snprintf(out, size, "%s", value);
            found = 1;
        }
    }
    fclose(f);
    return found;
}

static long long number(const char *key, long long fallback)
{
    char value[256];
    return lookup(key, value, sizeof value) ? strtoll(value, NULL, 10) : fallback;
}

static int failure(const char *function, long device)
{
    char key[256];
    long long code;
    if (device >= 0) {
        snprintf(key, sizeof key, "fail.%s.%ld", function, device);
        if ((code = number(key, 0)) != 0) return (int)code;
    }
    snprintf(key, sizeof key, "fail.%s", function);
    return (int)number(key, 0);
}

static long device_index(void *device) { return (long)(size_t)device - 1; }

static int check(void *device, const char *function)
{
    long i = device_index(device);
    if (!s_live) return NVML_ERROR_UNINITIALIZED;
    if (i < 0 || i >= number("count", 0)) return NVML_ERROR_INVALID_ARGUMENT;
    return failure(function, i);
}

int fake_nvml_calls(const char *name)
{
    if (strcmp(name, "nvmlInit_v2") == 0) return s_inits;
    if (strcmp(name, "nvmlShutdown") == 0) return s_shutdowns;
    return -1;
}

int nvmlInit_v2(void)
{
    int code = (int)number("init", 0);
    s_inits++;
    if (code == 0) s_live++;
    return code;
}

int nvmlShutdown(void)
{
    s_shutdowns++;
    if (!s_live) return NVML_ERROR_UNINITIALIZED;
    s_live--;
    return NVML_SUCCESS;
}

const char *nvmlErrorString(int code)
{
    switch (code) {
    case 0: return "Success";
    case 1: return "Uninitialized";
    case 2: return "Invalid Argument";
    case 3: return "Not Supported";
    case 6: return "Not Found";
    case 9: return "Driver Not Loaded";
    case 15: return "GPU is lost";
    default: return "Unknown Error";
    }
}

int nvmlDeviceGetCount_v2(unsigned int *count)
{
    int code;
    if (!s_live) return NVML_ERROR_UNINITIALIZED;
    if ((code = failure("nvmlDeviceGetCount_v2", -1)) != 0) return code;
    *count = (unsigned int)number("count", 0);
    return NVML_SUCCESS;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device)
{
    int code;
    if (!s_live) return NVML_ERROR_UNINITIALIZED;
    if (index >= (unsigned int)number("count", 0)) return NVML_ERROR_INVALID_ARGUMENT;
    if ((code = failure("nvmlDeviceGetHandleByIndex_v2", (long)index)) != 0) return code;
    *device = (void *)(size_t)(index + 1);
    return NVML_SUCCESS;
}

int nvmlDeviceGetName(void *device, char *name, unsigned int length)
{
    char key[64], value[256];
    int code = check(device, "nvmlDeviceGetName");
    if (code) return code;
    snprintf(key, sizeof key, "name.%ld", device_index(device));
    if (!lookup(key, value, sizeof value)) snprintf(value, sizeof value, "Fake GPU %ld", device_index(device));
    snprintf(name, length, "%s", value);
    return NVML_SUCCESS;
}

int nvmlDeviceGetUUID(void *device, char *uuid, unsigned int length)
{
    char key[64], value[256];
    int code = check(device, "nvmlDeviceGetUUID");
    if (code) return code;
    snprintf(key, sizeof key, "uuid.%ld", device_index(device));
    if (!lookup(key, value, sizeof value)) snprintf(value, sizeof value, "GPU-00000000-0000-0000-0000-00000000000%ld", device_index(device));
    snprintf(uuid, length, "%s", value);
    return NVML_SUCCESS;
}

int nvmlDeviceGetTotalEnergyConsumption(void *device, unsigned long long *energy)
{
    char key[64], value[256];
    int code = check(device, "nvmlDeviceGetTotalEnergyConsumption");
    if (code) return code;
    snprintf(key, sizeof key, "energy.%ld", device_index(device));
    if (!lookup(key, value, sizeof value)) return NVML_ERROR_NOT_SUPPORTED;
    *energy = strtoull(value, NULL, 10);
    return NVML_SUCCESS;
}

int nvmlDeviceGetPowerUsage(void *device, unsigned int *power)
{
    char key[64];
    int code = check(device, "nvmlDeviceGetPowerUsage");
    if (code) return code;
    snprintf(key, sizeof key, "power.%ld", device_index(device));
    *power = (unsigned int)number(key, 0);
    return NVML_SUCCESS;
}

int nvmlDeviceGetProcessUtilization(void *device, nvmlProcessUtilizationSample_t *samples, unsigned int *count, unsigned long long lastSeen)
{
    char key[64], value[1024];
    nvmlProcessUtilizationSample_t parsed[32];
    unsigned int n = 0;
    char *token, *save = NULL;
    int code = check(device, "nvmlDeviceGetProcessUtilization");
    (void)lastSeen;
    if (code) return code;
    snprintf(key, sizeof key, "procutil.%ld", device_index(device));
    if (!lookup(key, value, sizeof value)) return NVML_ERROR_NOT_SUPPORTED;
    for (token = strtok_r(value, ",", &save); token && n < 32; token = strtok_r(NULL, ",", &save)) {
        char *colon = strchr(token, ':');
        if (!colon) continue;
        *colon = 0;
        memset(&parsed[n], 0, sizeof parsed[n]);
        parsed[n].pid = strcmp(token, "self") == 0 ? (unsigned int)getpid() : (unsigned int)strtoul(token, NULL, 10);
        parsed[n].smUtil = (unsigned int)strtoul(colon + 1, NULL, 10);
        parsed[n].timeStamp = ++s_clock;
        n++;
    }
    if (n == 0) return NVML_ERROR_NOT_FOUND;
    if (samples == NULL || *count < n) {
        *count = n;
        return NVML_ERROR_INSUFFICIENT_SIZE;
    }
    memcpy(samples, parsed, n * sizeof parsed[0]);
    *count = n;
    return NVML_SUCCESS;
}
